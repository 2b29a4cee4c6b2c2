-- A task can leave its round (its sharing changed): its notices stay on the person's list, without a link to a page
-- that no longer exists, and a mail not yet sent about it is not sent.
alter table notice add column task_removed_at timestamp with time zone;
