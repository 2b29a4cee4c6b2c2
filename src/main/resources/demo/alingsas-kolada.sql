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

-- Illustrative, not Kolada's: the other municipalities of Västra Götaland (Kolada's real codes), each Alingsås' value times a
-- fixed factor between 0,80 and 1,20, so that the rank ("Plats n av 49") shows at once beside the group.
insert into kolada_value (kpi, area, year, sex, amount) select v.kpi, m.code, v.year, 'T', round(v.amount * m.factor, 1) from kolada_value v cross join (values ('1401', 0.80), ('1402', 0.87), ('1407', 0.94), ('1415', 1.01), ('1419', 1.08), ('1421', 1.15), ('1427', 0.81), ('1430', 0.88), ('1435', 0.95), ('1438', 1.02), ('1439', 1.09), ('1440', 1.16), ('1441', 0.82), ('1442', 0.89), ('1443', 0.96), ('1444', 1.03), ('1445', 1.10), ('1446', 1.17), ('1447', 0.83), ('1452', 0.90), ('1460', 0.97), ('1461', 1.04), ('1462', 1.11), ('1463', 1.18), ('1465', 0.84), ('1466', 0.91), ('1470', 0.98), ('1471', 1.05), ('1472', 1.12), ('1473', 1.19), ('1480', 0.85), ('1481', 0.92), ('1482', 0.99), ('1485', 1.06), ('1486', 1.13), ('1491', 1.20), ('1492', 0.86), ('1493', 0.93), ('1494', 1.00), ('1495', 1.07), ('1496', 1.14), ('1497', 0.80), ('1498', 0.87), ('1499', 0.94)) as m(code, factor) where v.area = '1489' and v.sex = 'T' and v.amount is not null;
