-- Outcomes (utfall) per unit, account group and month: the month's own amount, whole kronor, costs negative.
-- A committee's outcome to date is the sum over its units and the months so far.
create table economic_outcome (
    org_unit_id   bigint      not null references org_unit (id),
    year          integer     not null,
    month         integer     not null,
    account_group varchar(30) not null,
    amount        bigint      not null,
    constraint economic_outcome_month check (month between 1 and 12),
    primary key (org_unit_id, year, month, account_group)
);
