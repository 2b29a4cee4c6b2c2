-- The follow-up pages read one unit's part of a round (its shares, reports and outcomes): index them by round and unit,
-- as the unique keys (round, object, unit) serve only the reads by object.
create index followup_share_round_unit on followup_share (round_id, unit_id);
create index followup_report_round_unit on followup_report (round_id, unit_id);
create index followup_outcome_round_unit on followup_outcome (round_id, unit_id);
