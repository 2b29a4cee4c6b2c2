-- The årsbokslut (annual report) of a follow-up round: what only the year's report asks (seed 004, Anvisningar
-- årsbokslut) — whether the committee followed its internal-control plan and carried out its planned activities, and
-- the comment on the year's forecast accuracy (prognossäkerhet). One row per round of type ARSBOKSLUT, made on the
-- first save.
create table followup_annual_review (
    round_id              bigint        primary key references followup_round (id),
    -- null: not yet answered
    control_plan_followed boolean,
    control_plan_comment  varchar(10000),
    activities_followed   boolean,
    activities_comment    varchar(10000),
    forecast_comment      varchar(10000),
    updated_at            timestamp with time zone not null,
    updated_by            varchar(100)  not null,
    version               integer       not null default 0
);

-- A report decided while some of its tasks were not approved: how many, confirmed by the one who recorded the decision.
alter table followup_report_version add column unapproved_tasks integer not null default 0;
