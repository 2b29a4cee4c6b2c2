-- Styr demo data, part 2: Vård- och omsorgsnämndens (VON) Delårsbokslut 2022, ready to try.
-- Runs after alingsas.sql. Source: shared/seeds/004_4bd770da6835120f.txt; line numbers are of that file with blank
-- lines squeezed (tr -s "\n"), as in shared/seed-extracts. People are invented.
-- Dates from the VOF routine (l.3683-3699, 4026-4030): outcomes available and tasks open 2022-08-12, units report by
-- 2022-08-23, departments by 2022-08-30; the committee decided the report 2022-09-27 (agenda item 5, 2022.229 VON).
-- The round is left open (not decided) so every step can be tried.

-- Two more demo people for a whole round: a second unit manager under Äldreomsorg, and the head of the administration.
insert into app_user (municipality_id, username, display_name, email, password_hash) values ((select id from municipality where kolada_id = '1489'), 'enhetschef2', 'Hanna Enhetschef', 'enhetschef2@example.invalid', '{DEMO_HASH}');
insert into app_user (municipality_id, username, display_name, email, password_hash) values ((select id from municipality where kolada_id = '1489'), 'forvaltningschef', 'Fredrik Förvaltningschef', 'forvaltningschef@example.invalid', '{DEMO_HASH}');
insert into role_assignment (user_id, role, org_unit_id) values ((select id from app_user where username = 'enhetschef2'), 'REPORTER', (select id from org_unit where code = 'VOF-HAGA1'));
insert into role_assignment (user_id, role, org_unit_id) values ((select id from app_user where username = 'forvaltningschef'), 'REPORTER', (select id from org_unit where code = 'VOF'));

-- The round. summary = the opening of the interim report's "Verksamhet" (l.10700-10737), shortened.
insert into followup_round (municipality_id, body_unit_id, admin_unit_id, period_id, type, name, as_of, opens_on, summary, state, report_version, version) values ((select id from municipality where kolada_id = '1489'), (select id from org_unit where code = 'VON'), (select id from org_unit where code = 'VOF'), (select id from plan_period where name = 'Budget 2022–2024'), 'DELARSBOKSLUT', 'Delårsbokslut 2022', date '2022-08-31', date '2022-08-12', 'Vård- och omsorgsförvaltningen har av vård- och omsorgsnämnden fått flera uppdrag att ställa om verksamheten för att klara av de utmaningar som kommer under 2020- och än mer under 2030-talet. Med fokus på att fortsätta utvecklingen med en mer effektiv ekonomistyrning, förbättrad uppföljning och kontroll samt förändrade arbetssätt med stöd av ökad digitalisering och välfärdsteknik.

Kompetensförsörjning är en stor utmaning inom vård- och omsorg. Årets sommarrekrytering visar på att framtiden redan är här med svårigheter att rekrytera tillräckligt med personal, med kompetens nog att klara arbetsuppgifterna.

Glädjande kan vård- och omsorgsnämnden berätta att den upplevda kvalitén i verksamheten fortfarande ligger över rikssnittet. Utmärkande är hemtjänsten som har en upplevd kvalité på 94%.', 'OPPEN', 1, 0);
insert into followup_deadline (round_id, level, due_on) values ((select id from followup_round where name = 'Delårsbokslut 2022'), 'ENHET', date '2022-08-23');
insert into followup_deadline (round_id, level, due_on) values ((select id from followup_round where name = 'Delårsbokslut 2022'), 'AVDELNING', date '2022-08-30');

-- Instructions per part: the guidance of the VOF routine (l.3740-3999), in short.
insert into followup_instruction (round_id, part, text) values ((select id from followup_round where name = 'Delårsbokslut 2022'), 'MAL', 'Skriv under varje mål en kort och begriplig analys: de viktigaste aktiviteterna, vilka målgrupper de riktat sig till och vilken effekt de förväntas ge. Ange en prognos för måluppfyllelsen vid årets slut om det finns indikationer, annars en nulägesbedömning. Bedömning av måluppfyllelsen görs endast på förvaltningsövergripande nivå, inte av avdelningar och enheter.');
insert into followup_instruction (round_id, part, text) values ((select id from followup_round where name = 'Delårsbokslut 2022'), 'KVF', 'Beskriv aktiviteterna och analysera resultatet: Hur ser resultatet ut i förhållande till målvärdet och jämfört med tidigare år? Vad har orsakat resultatet? Har aktiviteterna påverkat i önskad riktning? Vad kan vi göra bättre?');
insert into followup_instruction (round_id, part, text) values ((select id from followup_round where name = 'Delårsbokslut 2022'), 'IK', 'Välj bedömning, beskriv vad kontrollen visat och eventuella avvikelser under Resultat, och planerade åtgärder under Åtgärd.');
insert into followup_instruction (round_id, part, text) values ((select id from followup_round where name = 'Delårsbokslut 2022'), 'UPPDRAG', 'Beskriv hur arbetet genomförs, vilka aktiviteter som gjorts hittills och om uppdraget är genomfört. Om det inte är påbörjat, ange varför. Ange status och en prognos för när uppdraget blir klart inom året.');

-- Objects: VON's goals and work-environment goal, VOF's critical factors, the control points followed up at the
-- interim report (plan l.10397-10588: points 1, 2, 6 and 7) and the seven assignments.
insert into followup_object (round_id, object_id) select (select id from followup_round where name = 'Delårsbokslut 2022'), o.id from goal_object o where o.retired = false and o.owner_unit_id in (select id from org_unit where code in ('VON', 'VOF')) and (o.kind in ('NAMNDMAL', 'ARBETSMILJOMAL', 'KRITISK_FAKTOR', 'UPPDRAG') or (o.kind = 'INTERNKONTROLLPUNKT' and o.follow_up_occasion in ('DELARSBOKSLUT', 'DELARS_OCH_ARSBOKSLUT')));

-- Shares. Goals go to every department and unit of VOF. Critical factors go to the departments.
-- Control points go to the responsible function (plan column Ansvarig): "Avdelningschef förvaltningskontoret" is
-- Förvaltningskontoret; "SAS" (point 7, needs-assessment decisions) is placed in Myndighetsavdelningen - an assumption.
-- Assignments go to the department whose work they concern - our reading of the assignment texts.
insert into followup_share (round_id, object_id, unit_id) select r.id, o.id, u.id from followup_round r, goal_object o, org_unit u where r.name = 'Delårsbokslut 2022' and o.id in (select object_id from followup_object where round_id = r.id) and o.kind in ('NAMNDMAL', 'ARBETSMILJOMAL') and u.type in ('AVDELNING', 'ENHET') and (u.parent_id = r.admin_unit_id or u.parent_id in (select id from org_unit where parent_id = r.admin_unit_id));
insert into followup_share (round_id, object_id, unit_id) select r.id, o.id, u.id from followup_round r, goal_object o, org_unit u where r.name = 'Delårsbokslut 2022' and o.id in (select object_id from followup_object where round_id = r.id) and o.kind = 'KRITISK_FAKTOR' and u.parent_id = r.admin_unit_id and u.type = 'AVDELNING';
insert into followup_share (round_id, object_id, unit_id) select r.id, o.id, u.id from followup_round r, goal_object o, org_unit u where r.name = 'Delårsbokslut 2022' and o.id in (select object_id from followup_object where round_id = r.id) and o.kind = 'INTERNKONTROLLPUNKT' and u.code = case when o.position = 7 then 'VOF-MYN' else 'VOF-FK' end;
insert into followup_share (round_id, object_id, unit_id) select r.id, o.id, u.id from followup_round r, goal_object o, org_unit u where r.name = 'Delårsbokslut 2022' and o.kind = 'UPPDRAG' and o.owner_unit_id = r.body_unit_id and u.code = case o.title when 'Utöka självbestämmandet för äldre inom våra verksamheter' then 'VOF-AO' when 'Utveckla former för att mäta brukartid i hemtjänsten' then 'VOF-AO' when 'Effektivisera personlig assistans' then 'VOF-FS' when 'Strategi för funktionsstöd 2023–2030' then 'VOF-FS' when 'Utveckla ekonomistyrning' then 'VOF-FK' else 'VOF-MYN' end;

-- One task per unit and part that has something shared to it.
insert into followup_task (round_id, unit_id, part, state, version) select distinct s.round_id, s.unit_id, case o.kind when 'KRITISK_FAKTOR' then 'KVF' when 'INTERNKONTROLLPUNKT' then 'IK' when 'UPPDRAG' then 'UPPDRAG' else 'MAL' end, 'EJ_PABORJAD', 0 from followup_share s join goal_object o on o.id = s.object_id;

-- The administration's own reporting, as in the interim report 2022:
-- goals: the assessment and comment of Måluppföljning (l.10738-10840), kept on the goal as its judgement;
insert into followup_report (round_id, object_id, unit_id, analysis, assessment, updated_by, version) select r.id, o.id, r.admin_unit_id, o.judgement_text, o.judgement, 'system', 1 from followup_round r, goal_object o where r.name = 'Delårsbokslut 2022' and o.kind = 'NAMNDMAL' and o.owner_unit_id = r.body_unit_id and o.judgement is not null;
-- assignments: the status and the text of Uppdrag (l.10841-10937). The signal icons were lost in the text
-- extraction, so no assessment is set.
insert into followup_report (round_id, object_id, unit_id, analysis, status, updated_by, version) select r.id, o.id, r.admin_unit_id, case o.title
  when 'Utöka självbestämmandet för äldre inom våra verksamheter' then 'I hemtjänsten kan brukarna välja utförare i enlighet med LOV. När det gäller särskilt boende tas hänsyn så långt det är möjligt till brukarnas önskemål. Arbetet sker genom att personal och brukare i samverkan tar fram genomförandeplaner, och en kollegial granskning har påbörjats. Införande av fast omsorgskontakt inom hemtjänsten har genomförts och bidrar till ökad kontinuitet och trygghet.'
  when 'Uppföljning av privata utförare' then 'Vård- och omsorgsförvaltningen kommer inte att kunna genomföra denna uppföljning i enlighet med rekommendationerna förrän ett nytt verksamhetssystem och ett nytt arbetssätt, IBIC, finns på plats. Arbetet kommer att påbörjas under 2023.'
  when 'Utveckla former för att mäta brukartid i hemtjänsten' then 'Inom den kommunala hemtjänsten har TES planering införts. Införandet medför att såväl brukartid som kringtid kan mätas och följas upp.'
  when 'Effektivisera personlig assistans' then 'Handlingsplanerna omfattar en total genomgång av ekonomin inom personlig assistans, främst en genomlysning av beslutade timmar jämfört med utförda timmar. Avdelningschefen har rapporterat till arbetsutskottet i maj och återkommer i september.'
  when 'Strategi för funktionsstöd 2023–2030' then 'Förvaltningen kommer inte att hinna ta fram en strategi för funktionsstöd under 2022, men arbetar med att få in kunskap från verksamheten och andra kommuner. Arbetet är således påbörjat.'
  when 'Utveckla ekonomistyrning' then 'Fokus under 2022 är att de ekonomiadministrativa processerna blir mer professionella och samma i förvaltningen. Samtidigt fortsätter arbetet med att bygga upp kompetens hos chefer kring prognosarbete och ekonomi.'
  else 'Under hösten har resurser tillsatts för att kunna påbörja genomlysningen.' end, o.status, 'system', 1 from followup_round r, goal_object o where r.name = 'Delårsbokslut 2022' and o.kind = 'UPPDRAG' and o.owner_unit_id = r.body_unit_id;
-- control points: Bilaga 1 (l.11179-11429). The summary (l.10943-10947) says two points without remark and two with
-- remark but not which; points 1 (follow-up postponed) and 7 (deviations found in the samples) are taken as the two
-- with remark - an inference.
insert into followup_report (round_id, object_id, unit_id, assessment, result, action, updated_by, version) select r.id, o.id, r.admin_unit_id, case o.position when 2 then 'UTAN_ANMARKNING' when 6 then 'UTAN_ANMARKNING' else 'MED_ANMARKNING' end, case o.position
  when 1 then 'Förvaltningen beslutade 2022-06-15 om Riktlinjer för styrande dokument, med tillhörande checklista. Implementering av riktlinjerna samt planering av utbildning för chefer och berörda stödfunktioner pågår och beräknas vara klart vid årsskiftet. Med anledning av att implementeringen har försenats flyttas uppföljningen fram och återredovisas till nämnden under 2023.'
  when 2 then 'Risk- och konsekvensanalyser genomförs inför samtliga organisationsförändringar. Inga nya organisationsförändringar har genomförts under våren. Handlingsplaner från 2021 har följts upp i FSG/LSG. Vårens pulsmätning gav handlingsplaner om schemaläggning och kommunikation.'
  when 6 then 'Arbetet med digitalisering sker i hög takt. Digitaliseringsstrategin behöver revideras och beslutas under hösten 2022. Ett ramavtal för välfärdsteknik har upphandlats (trygghetslarm, digitala lås, medicinrobotar och kameror).'
  else 'Hemtjänstbeslut SoL: 429 beslut, stickprov 10 % = 42, varav 6 avvek från riktlinjernas norm; 4 av 6 hade daterad motivering och 1 av 6 var rätt kodad. Särskilt boende SoL: 100 beslut, stickprov 30 % = 30; utredningarna behöver bli bättre och beslutsmotiveringen tydligare. LSS: 60 beslut, stickprov 10 % = 6, varav 2 avvek, båda utan motivering.' end, case o.position
  when 1 then null
  when 2 then 'Nya schemamodeller testas (pilot i hemtjänsten under hösten), workshoppar inom medarbetarskapsprogrammet, chefsträffar och tydligare kommunikation på kommunportalen.'
  when 6 then 'En digitaliseringsstrategi tas fram och beslutas av nämnden under hösten 2022.'
  else 'Ny ansökningsinstruktion under hösten, introduktion av nyanställda, checklista för utredningar, alla utredningar dras på metodmöte före beslut, kollegial granskning och genomlysning av riktlinjerna för LSS.' end, 'system', 1 from followup_round r, goal_object o where r.name = 'Delårsbokslut 2022' and o.kind = 'INTERNKONTROLLPUNKT' and o.owner_unit_id = r.body_unit_id and o.id in (select object_id from followup_object where round_id = r.id);
