-- A plan period made up for examples (the demo's bases for the parties' proposals). Its budget never governs a year:
-- follow-up, the financial goals and the pages' defaults use the municipality's real periods.
alter table plan_period add column illustrative boolean not null default false;
