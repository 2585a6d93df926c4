-- Administrative units: county (县/区) -> township/street (乡镇/街道) -> village/community (村/社区).
-- Codes follow the 12-digit statistical division code: 6 digits county, 3 township, 3 village.
create table admin_unit (
    code        varchar(12)  not null primary key,
    name        varchar(100) not null,
    unit_level  varchar(16)  not null,
    parent_code varchar(12)  references admin_unit (code),
    created_at  timestamp    not null default current_timestamp,
    constraint ck_admin_unit_level check (unit_level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    constraint ck_admin_unit_parent check ((unit_level = 'COUNTY') = (parent_code is null))
);

create index ix_admin_unit_parent on admin_unit (parent_code);
