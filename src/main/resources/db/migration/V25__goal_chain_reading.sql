-- Reading the goal chain one part at a time (issue 12): the committee goals linked to an indicator, the search by
-- Kolada id, and the API's list of rounds, newest first per municipality.
create index goal_object_linked_indicator on goal_object (linked_indicator_id);
create index goal_object_kolada on goal_object (municipality_id, kolada_id);
create index followup_round_as_of on followup_round (municipality_id, as_of);
