-- The SMS sender (org.jiuzhu.messaging): each message's state, attempts, next try and the claim of the
-- node sending it. A claim lasts until claimed_until; a node that dies mid-send leaves a claim that
-- expires, and another node takes the message up again.
alter table notification_outbox add column status varchar(16) default 'PENDING' not null;
alter table notification_outbox add column attempts integer default 0 not null;
-- Null: due at once (as every message queued before this migration).
alter table notification_outbox add column next_attempt_at timestamp;
alter table notification_outbox add column last_attempt_at timestamp;
-- Short reason of the last failure, for administrators (no stack trace).
alter table notification_outbox add column last_error varchar(300);
alter table notification_outbox add column claimed_by varchar(64);
alter table notification_outbox add column claimed_until timestamp;
-- An administrator's 重新发送 of a failed message: who and when (its validity runs from then).
alter table notification_outbox add column resent_by varchar(255);
alter table notification_outbox add column resent_at timestamp;
alter table notification_outbox add constraint ck_notification_outbox_status
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED'));
update notification_outbox set status = 'SENT' where sent_at is not null;
create index ix_notification_outbox_due on notification_outbox (status, next_attempt_at);
