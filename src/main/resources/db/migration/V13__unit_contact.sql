-- Where an applicant turns with questions about their case (补正材料, a decision): each unit's office,
-- its telephone and address, shown on the progress page and on written notices.
create table unit_contact (
    unit_code    varchar(12)  not null primary key references admin_unit (code),
    office_name  varchar(100) not null,
    phone        varchar(40),
    address      varchar(200),
    office_hours varchar(100)
);
