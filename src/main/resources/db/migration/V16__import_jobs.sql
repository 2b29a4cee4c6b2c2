-- Excel imports running in the background, visible from every instance. The instance running a job beats its
-- heartbeat; a job whose heartbeat stops is shown as interrupted.
create table import_job (
    id              varchar(36)  not null primary key,
    municipality_id bigint       not null references municipality (id),
    owner           varchar(100) not null,
    kind            varchar(20)  not null,
    file_name       varchar(255) not null,
    budget_id       bigint,
    phase           varchar(20)  not null,
    total           int          not null,
    done            int          not null,
    imported        int          not null,
    problem_count   int          not null,
    -- JSON: the first problems the page shows, and what stopped the import when it was not the file
    problems        text,
    failure         text,
    instance_id     varchar(100) not null,
    started_at      timestamp with time zone not null,
    heartbeat_at    timestamp with time zone not null,
    ended_at        timestamp with time zone
);
create index import_job_ended on import_job (ended_at);
