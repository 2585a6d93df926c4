-- The monthly sums now hold one row per unit of the cases themselves (the case's own village, or the
-- township or county of a case of their own) instead of one for every unit of the chain: a township or
-- the county adds up its units' rows when it reads them. Every completed task used to update the very
-- same county row, so completions anywhere in the county waited for each other's commits.
delete from stage_duration_month;
insert into stage_duration_month (unit_code, unit_level, month_start, process_definition_key, task_definition_key,
    task_name, completed_count, total_seconds)
select coalesce(village_code, township_code, county_code, ''),
    case when village_code is not null then 'VILLAGE' when township_code is not null then 'TOWNSHIP'
        when county_code is not null then 'COUNTY' else 'NONE' end,
    cast(date_trunc('month', completed_at) as date), process_definition_key, task_definition_key,
    max(coalesce(task_name, task_definition_key)), count(*), sum(duration_seconds)
from task_completion
group by coalesce(village_code, township_code, county_code, ''),
    case when village_code is not null then 'VILLAGE' when township_code is not null then 'TOWNSHIP'
        when county_code is not null then 'COUNTY' else 'NONE' end,
    cast(date_trunc('month', completed_at) as date), process_definition_key, task_definition_key;
drop index ix_stage_duration_month_level;
create index ix_stage_duration_month_month on stage_duration_month (month_start);

delete from application_month where unit_level <> 'VILLAGE';
drop index ix_application_month_level;
create index ix_application_month_month on application_month (month_start);
