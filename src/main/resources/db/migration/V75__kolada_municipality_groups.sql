-- A local copy of Kolada's municipality groups (/v3/municipality_groups) and their members, so that the administrator
-- picks a comparison group from the list on /kolada/jamforelse (docs/kolada.md). Public data, shared by every municipality.
create table kolada_group (
    id         varchar(20)  primary key,
    title      varchar(500) not null,
    fetched_at timestamp    not null
);

create table kolada_group_catalog_member (
    group_id varchar(20)  not null references kolada_group (id) on delete cascade,
    member   varchar(4)   not null,
    title    varchar(300),
    primary key (group_id, member)
);
