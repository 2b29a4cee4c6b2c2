-- A municipality's data version (issue 12): counts the committed transactions that wrote the municipality's data.
-- Every write is audited in its own transaction, and the audit log raises this number just before that transaction
-- commits, so a page that is expensive to make (the compiled report and its PDF) can be cached under it: one cheap
-- read per request tells whether anything it was made from may have changed, on any instance of the application.
alter table municipality add column data_version bigint default 0 not null;
