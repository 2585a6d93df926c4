-- One open case per person and programme. A row per person (every member of a dibao household, the
-- applicant of a temporary-assistance case) while the case is open: the primary key makes a second
-- application for the same person fail in the database, also when two nodes take it at the same time.
-- Rows go when the case's process instance ends; a row whose instance no longer runs (cancelled by an
-- administrator without listeners) is cleared when the next application for that person meets it.
create table open_case_person (
    programme            varchar(20) not null,
    id_number            varchar(18) not null,
    case_no              varchar(40) not null,
    process_instance_id  varchar(64) not null,
    opened_at            timestamp   not null,
    primary key (programme, id_number)
);
create index ix_open_case_person_instance on open_case_person (process_instance_id);

-- Who may start which process: the unit levels a process model names in its extension property
-- jiuzhu.startableBy, as last granted (each unit group of those levels holds CREATE_INSTANCE on the key).
create table start_permission (
    process_key  varchar(255) not null primary key,
    unit_levels  varchar(100) not null
);

