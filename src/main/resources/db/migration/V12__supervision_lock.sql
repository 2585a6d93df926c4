-- One row per kind of work that must not run twice at once, on one node or several: a transaction
-- that selects the row FOR UPDATE holds it until it ends. 'escalation': each batch of the overdue scan
-- (逾期巡查) and each same-day 督办 write supervision records one at a time.
create table supervision_lock (
    name varchar(50) not null primary key
);
insert into supervision_lock (name) values ('escalation');
