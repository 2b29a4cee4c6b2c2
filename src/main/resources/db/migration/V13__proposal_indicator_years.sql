-- A proposal's indicator: the years of its outcome and target apart from their values, which stay text as the
-- parties write them ("80 504", "12,2%", "12 (i enlighet med Skolverkets rekommendation)").
alter table proposal_indicator add column outcome_year integer;
alter table proposal_indicator add column target_year integer;

-- "Utfall 2023: 80 504" becomes 2023 and "80 504", "Mål 2028 50%" 2028 and "50%"; other texts stay as they are.
update proposal_indicator
set outcome_year = cast(substring(outcome from 8 for 4) as integer),
    outcome      = nullif(trim(substring(outcome from case when substring(outcome from 12 for 1) = ':' then 13 else 12 end)), '')
where outcome like 'Utfall ____%'
  and position(substring(outcome from 8 for 1) in '0123456789') > 0 and position(substring(outcome from 9 for 1) in '0123456789') > 0
  and position(substring(outcome from 10 for 1) in '0123456789') > 0 and position(substring(outcome from 11 for 1) in '0123456789') > 0
  and (length(outcome) = 11 or substring(outcome from 12 for 1) in (':', ' '));

update proposal_indicator
set target_year = cast(substring(target from 5 for 4) as integer),
    target      = nullif(trim(substring(target from case when substring(target from 9 for 1) = ':' then 10 else 9 end)), '')
where target like 'Mål ____%'
  and position(substring(target from 5 for 1) in '0123456789') > 0 and position(substring(target from 6 for 1) in '0123456789') > 0
  and position(substring(target from 7 for 1) in '0123456789') > 0 and position(substring(target from 8 for 1) in '0123456789') > 0
  and (length(target) = 8 or substring(target from 9 for 1) in (':', ' '));
