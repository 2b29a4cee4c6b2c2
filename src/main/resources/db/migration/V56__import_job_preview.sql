-- Imports that are previewed before they are confirmed (Import och export): the checked file is kept with the job
-- until the user confirms or the preview expires, so the confirmation can run on any instance. The preview says what
-- the file would create and change. Kinds of import are now named by the module that owns them.
alter table import_job alter column kind set data type varchar(40);
alter table import_job add column preview text;
alter table import_job add column payload bytea;
