-- How far a running import has come: pages read from Kolada so far (row_count counts the rows read so far while the
-- run is going, the rows stored when it ends).
alter table kolada_run add column pages_read integer not null default 0;
