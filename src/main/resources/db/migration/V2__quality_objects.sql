-- Critical business factors (kritiska verksamhetsfaktorer, kind KRITISK_FAKTOR) and internal-control points
-- (kind INTERNKONTROLLPUNKT) live in goal_object like every other object of the chain. Their own fields are
-- nullable and empty for every other kind. The same SQL runs on PostgreSQL and on H2 in PostgreSQL mode.

-- critical business factors: perspective (EKONOMI, MALGRUPP, VERKSAMHET, MEDARBETARE) and how often it is followed up
alter table goal_object add column perspective varchar(20);
alter table goal_object add column frequency varchar(100);

-- internal-control points: process, risk value (probability x consequence, 1-16), how the control is done,
-- who is responsible, and when it is followed up (DELARSBOKSLUT, ARSBOKSLUT, DELARS_OCH_ARSBOKSLUT)
alter table goal_object add column process varchar(200);
alter table goal_object add column risk_value integer;
alter table goal_object add column control_method varchar(2000);
alter table goal_object add column responsible varchar(200);
alter table goal_object add column follow_up_occasion varchar(30);
