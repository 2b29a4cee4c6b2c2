-- The name of a comparison group's member municipality, as the administrator types it on /kolada/jamforelse.
alter table kolada_group_member add column title varchar(300);
