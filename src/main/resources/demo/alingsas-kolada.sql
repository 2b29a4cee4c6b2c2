-- Kolada demo extract for Alingsås' linked key figures and indicators (docs/kolada.md), so the comparison shows
-- without network. Alingsås' own values (1489) are the seed's outcomes; Riket's 2020 values for the three user surveys
-- are the seed's 2020 averages ("Anvisningar bedömning": hemtjänst över 88 %, gruppbostad över 83 %, personlig assistans över 84 %).
-- EVERY OTHER VALUE HERE (Riket otherwise, the county, the comparison municipalities) IS ILLUSTRATIVE, NOT KOLADA'S:
-- fetch or read Kolada's own values to replace them.

insert into kolada_kpi (id, title, description, operating_area, divided_by_sex, fetched_at) select distinct o.kolada_id, o.title, 'Demo: titel från kommunens eget nyckeltal. Hämta Koladas nyckeltal för den officiella definitionen.', null, false, current_timestamp from goal_object o where o.kolada_id is not null and o.id = (select min(x.id) from goal_object x where x.kolada_id = o.kolada_id);

insert into kolada_value (kpi, area, year, sex, amount) select o.kolada_id, '1489', v.year, 'T', max(v.outcome) from measure_value v join goal_object o on o.id = v.object_id where o.kolada_id is not null and v.outcome is not null group by o.kolada_id, v.year;

insert into kolada_value (kpi, area, year, sex, amount) select kpi, '0000', year, 'T', case when kpi = 'U21468' and year = 2020 then 88 else round(amount * 0.97, 1) end from kolada_value where area = '1489';

insert into kolada_value (kpi, area, year, sex, amount) select distinct kolada_id, '0000', 2020, 'T', 83 from goal_object where kolada_id = 'U28524';

insert into kolada_value (kpi, area, year, sex, amount) select distinct kolada_id, '0000', 2020, 'T', 84 from goal_object where kolada_id = 'U28638';

insert into kolada_value (kpi, area, year, sex, amount) select kpi, '0014', year, 'T', round(amount * 0.99, 1) from kolada_value where area = '1489';

insert into kolada_value (kpi, area, year, sex, amount) select kpi, '1488', year, 'T', round(amount * 1.04, 1) from kolada_value where area = '1489';

insert into kolada_value (kpi, area, year, sex, amount) select kpi, '1490', year, 'T', round(amount * 0.95, 1) from kolada_value where area = '1489';

insert into kolada_value (kpi, area, year, sex, amount) select kpi, '1487', year, 'T', round(amount * 1.01, 1) from kolada_value where area = '1489';

insert into kolada_value (kpi, area, year, sex, amount) select kpi, '1484', year, 'T', round(amount * 0.9, 1) from kolada_value where area = '1489';

insert into kolada_area (municipality_id, area, kind, title) values ((select id from municipality where kolada_id = '1489'), '0014', 'LAN', 'Västra Götalands län (demo)');

insert into kolada_area (municipality_id, area, kind, title) values ((select id from municipality where kolada_id = '1489'), 'G-DEMO', 'GRUPP', 'Liknande kommuner (demo)');

insert into kolada_group_member (municipality_id, area, member) values ((select id from municipality where kolada_id = '1489'), 'G-DEMO', '1487');

insert into kolada_group_member (municipality_id, area, member) values ((select id from municipality where kolada_id = '1489'), 'G-DEMO', '1488');

insert into kolada_group_member (municipality_id, area, member) values ((select id from municipality where kolada_id = '1489'), 'G-DEMO', '1490');

-- The names of the demo group's members (shown on /kolada/jamforelse).
update kolada_group_member set title = 'Vänersborg' where member = '1487' and area = 'G-DEMO';
update kolada_group_member set title = 'Trollhättan' where member = '1488' and area = 'G-DEMO';
update kolada_group_member set title = 'Borås' where member = '1490' and area = 'G-DEMO';
