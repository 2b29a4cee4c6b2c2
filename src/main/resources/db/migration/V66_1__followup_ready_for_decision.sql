-- A compiled report marked ready for decision goes to the committee as a case; the decision then comes from the
-- approved minutes, not from a typed reference.
alter table followup_round add column ready_for_decision_at timestamp with time zone;
