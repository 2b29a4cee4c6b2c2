package se.styr.followup.arshjul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.QueryCounter;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.audit.AuditEntry;
import se.styr.audit.AuditLog;
import se.styr.followup.Round;
import se.styr.followup.RoundType;
import se.styr.organisation.OrgUnitType;
import se.styr.platform.ConflictException;
import se.styr.platform.ValidationException;

/**
 * The year's calendar on the demo: Vård- och omsorgsnämnden's rounds of 2022 and 2023 from the template, with the
 * interim report's dates of seed 004's instructions (opens 12 August, units 23 August, departments 30 August).
 */
@StyrIntegrationTest
@Transactional
class ArshjulTest {

    @Autowired
    Arshjul arshjul;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;

    long von;
    long municipality;

    @BeforeEach
    void signIn() {
        SignedIn.as(users, "admin");
        von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        municipality = jdbc.sql("select municipality_id from org_unit where code = 'VON'").query(Long.class).single();
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long rounds(long body, int year) {
        return jdbc.sql("select count(*) from followup_round where body_unit_id = ? and as_of between ? and ?")
                .params(body, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(Long.class).single();
    }

    @Test
    void theSuggestedTemplateHasTheSeedsInterimAndAnnualDates() {
        Arshjul.Template template = arshjul.template();
        assertThat(template.saved()).isFalse();
        assertThat(template.rounds()).extracting(CalendarRound::type).containsExactly(RoundType.MANADSUPPFOLJNING,
                RoundType.FORDJUPAD_MANADSUPPFOLJNING, RoundType.MANADSUPPFOLJNING, RoundType.DELARSBOKSLUT,
                RoundType.MANADSUPPFOLJNING, RoundType.ARSBOKSLUT);
        CalendarRound annual = template.rounds().get(5);
        // Seed 004: the annual report 2022 was due from units 2023-01-19 and from departments 2023-01-26.
        assertThat(annual.unitDeadline().in(2022)).isEqualTo(LocalDate.of(2023, 1, 19));
        assertThat(annual.departmentDeadline().in(2022)).isEqualTo(LocalDate.of(2023, 1, 26));
    }

    @Test
    void thePreviewKnowsTheDemosInterimReport2022AndCreatingTheRestNeverDuplicates() {
        Arshjul.Plan plan = arshjul.preview(2022, von);
        assertThat(plan.rounds()).hasSize(6);
        Arshjul.Planned interim = plan.rounds().get(3);
        assertThat(interim.name()).isEqualTo("Delårsbokslut 2022");
        assertThat(interim.status()).isEqualTo(Arshjul.Status.FINNS);
        assertThat(interim.roundId()).isNotNull();
        assertThat(plan.count(Arshjul.Status.SKAPAS)).isEqualTo(5);
        long before = rounds(von, 2022);

        List<Round> created = arshjul.create(2022, von);
        assertThat(created).hasSize(5);
        assertThat(rounds(von, 2022)).isEqualTo(before + 5);
        assertThat(arshjul.create(2022, von)).isEmpty();
        assertThat(rounds(von, 2022)).isEqualTo(before + 5);
        assertThat(arshjul.preview(2022, von).count(Arshjul.Status.FINNS)).isEqualTo(6);
    }

    @Test
    void theYearsRoundsAreOpenedWithTheSeedsDatesAndTheirTasks() {
        List<Round> created = arshjul.create(2023, von);
        assertThat(created).extracting(Round::name).containsExactly("Månadsuppföljning per mars 2023",
                "Fördjupad månadsuppföljning 2023", "Månadsuppföljning per maj 2023", "Delårsbokslut 2023",
                "Månadsuppföljning per oktober 2023", "Årsbokslut 2023");
        Round interim = created.get(3);
        assertThat(interim.type()).isEqualTo(RoundType.DELARSBOKSLUT);
        assertThat(interim.asOf()).isEqualTo(LocalDate.of(2023, 8, 31));
        assertThat(interim.opensOn()).isEqualTo(LocalDate.of(2023, 8, 12));
        assertThat(interim.deadlineFor(OrgUnitType.ENHET)).isEqualTo(LocalDate.of(2023, 8, 23));
        assertThat(interim.deadlineFor(OrgUnitType.AVDELNING)).isEqualTo(LocalDate.of(2023, 8, 30));
        assertThat(created.get(5).opensOn()).isEqualTo(LocalDate.of(2024, 1, 12));
        // Opened as by hand: the interim report shares VON's goals down and gives the units their tasks.
        long tasks = jdbc.sql("select count(*) from followup_task where round_id = ?").param(interim.id()).query(Long.class).single();
        assertThat(tasks).isPositive();

        List<AuditEntry> entries = audit.find(municipality, Arshjul.AUDIT_TYPE, null, null, 0, 10).entries();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.summary()).isEqualTo("Årshjul 2023: 6 uppföljningar skapade");
            assertThat(String.valueOf(e.newValue())).contains("Vård- och omsorgsnämnden: Delårsbokslut 2023")
                    .contains("öppnar 2023-08-12");
        });
    }

    @Test
    void thePreviewReadsAsManyStatementsForAllCommitteesAsForOne() throws Exception {
        var admin = user(users.loadUserByUsername("admin"));
        QueryCounter.reset();
        mvc.perform(get("/uppfoljning/arshjul/skapa").with(admin).param("ar", "2023").param("organ", String.valueOf(von)))
                .andExpect(status().isOk());
        int one = QueryCounter.statements();
        QueryCounter.reset();
        mvc.perform(get("/uppfoljning/arshjul/skapa").with(admin).param("ar", "2023"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kommunstyrelsen")));
        assertThat(QueryCounter.statements()).isLessThanOrEqualTo(one);
    }

    @Test
    void aYearWithoutPlanPeriodAndAnUnknownBodyAreRefused() {
        assertThatThrownBy(() -> arshjul.preview(2030, null)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(ValidationException.Problem::messageKey)
                        .contains("arshjul.error.period"));
        assertThatThrownBy(() -> arshjul.create(2023, -1L)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theTemplateIsSavedWithEveryProblemAtOnceAuditedOldToNewAndLocked() {
        List<CalendarRound> rounds = new ArrayList<>(CalendarRound.SUGGESTED);
        arshjul.save(0, rounds);
        Arshjul.Template saved = arshjul.template();
        assertThat(saved.saved()).isTrue();
        assertThat(saved.version()).isEqualTo(1);

        CalendarRound interim = rounds.get(3);
        rounds.set(3, new CalendarRound(interim.type(), interim.name(), interim.asOf(), new RelativeDate(0, 8, 14),
                new RelativeDate(0, 8, 24), new RelativeDate(0, 8, 31)));
        arshjul.save(1, rounds);
        AuditEntry changed = audit.find(municipality, Arshjul.AUDIT_TYPE, null, null, 0, 10).entries().get(0);
        assertThat(changed.summary()).isEqualTo("Årshjulet ändrat");
        assertThat(String.valueOf(changed.oldValue())).contains("4. Delårsbokslut").contains("öppnar 08-12");
        assertThat(String.valueOf(changed.newValue())).contains("öppnar 08-14").doesNotContain("Årsbokslut");
        assertThat(arshjul.preview(2023, von).rounds().get(3).opensOn()).isEqualTo(LocalDate.of(2023, 8, 14));

        assertThatThrownBy(() -> arshjul.save(1, rounds)).isInstanceOf(ConflictException.class);

        List<CalendarRound> bad = List.of(new CalendarRound(null, " ", new RelativeDate(1, 8, 31), new RelativeDate(0, 8, 20),
                        new RelativeDate(0, 8, 10), new RelativeDate(0, 2, 30)),
                new CalendarRound(RoundType.DELARSBOKSLUT, "A", new RelativeDate(0, 8, 31), new RelativeDate(0, 8, 12),
                        new RelativeDate(0, 8, 23), new RelativeDate(0, 8, 30)),
                new CalendarRound(RoundType.DELARSBOKSLUT, "B", new RelativeDate(0, 8, 31), new RelativeDate(0, 8, 12),
                        new RelativeDate(0, 8, 23), new RelativeDate(0, 8, 30)));
        assertThatThrownBy(() -> arshjul.save(2, bad)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(ValidationException.Problem::field)
                        .contains("r0_type", "r0_name", "r0_asOf", "r0_dept", "r2_asOf"));
        assertThat(arshjul.template().rounds().get(3).opens()).isEqualTo(new RelativeDate(0, 8, 14));
    }

    @Test
    void aControllerCreatesWithinScopeOnlyAndOthersAreRefused() {
        SignedIn.as(users, "controller");
        assertThatThrownBy(() -> arshjul.save(0, CalendarRound.SUGGESTED)).isInstanceOf(AccessDeniedException.class);
        long ks = jdbc.sql("select id from org_unit where code = 'KS'").query(Long.class).single();
        assertThatThrownBy(() -> arshjul.create(2023, ks)).isInstanceOf(AccessDeniedException.class);
        Arshjul.Plan all = arshjul.preview(2023, null);
        assertThat(all.rounds()).extracting(Arshjul.Planned::bodyUnitId).containsOnly(von);
        assertThat(arshjul.create(2023, null)).hasSize(6);

        for (String who : List.of("politiker", "enhetschef")) {
            SignedIn.as(users, who);
            assertThatThrownBy(() -> arshjul.create(2023, von)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> arshjul.create(2023, null)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theApiSavesPreviewsAndCreatesAndRefusesInSwedish() throws Exception {
        mvc.perform(get("/api/v1/arshjul").with(httpBasic("politiker", "styr-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.saved").value(false))
                .andExpect(jsonPath("$.rounds[3].opens.day").value(12));
        mvc.perform(put("/api/v1/arshjul").with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": 0, "rounds": [{"type": "DELARSBOKSLUT", "name": "Delårsbokslut",
                                  "asOf": {"yearOffset": 0, "month": 8, "day": 31}, "opens": {"yearOffset": 0, "month": 8, "day": 12},
                                  "unitDeadline": {"yearOffset": 0, "month": 8, "day": 23},
                                  "departmentDeadline": {"yearOffset": 0, "month": 8, "day": 20}}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(containsString("Avdelningarnas sista dag på rad 1 kan inte vara före enheternas.")));
        mvc.perform(put("/api/v1/arshjul").with(httpBasic("politiker", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"rounds\": []}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/arshjul/2023?bodyUnitId=" + von).with(httpBasic("controller", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rounds[3].opensOn").value("2023-08-12"))
                .andExpect(jsonPath("$.rounds[3].status").value("SKAPAS"));
        mvc.perform(post("/api/v1/arshjul/2023/rounds").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bodyUnitId\": " + von + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(6));
        mvc.perform(post("/api/v1/arshjul/2023/rounds").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bodyUnitId\": " + von + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/v1/arshjul/1999/rounds").with(httpBasic("admin", "styr-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett år mellan 2000 och 2100.")));
    }

    @Test
    void thePagesEditTheTemplateAndCreateTheYear() throws Exception {
        var admin = user(users.loadUserByUsername("admin"));
        mvc.perform(get("/uppfoljning/arshjul").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut")))
                .andExpect(content().string(containsString("Spara mallen")));
        mvc.perform(post("/uppfoljning/arshjul").with(admin).with(csrf()).param("version", "0")
                        .param("r0_type", "DELARSBOKSLUT").param("r0_name", "Delårsbokslut").param("r0_asOf", "08-31")
                        .param("r0_opens", "08-12").param("r0_unit", "08-xx").param("r0_dept", "08-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange när enheterna ska vara klara på rad 1")));
        mvc.perform(post("/uppfoljning/arshjul").with(admin).with(csrf()).param("version", "0")
                        .param("r0_type", "DELARSBOKSLUT").param("r0_name", "Delårsbokslut").param("r0_asOf", "08-31")
                        .param("r0_opens", "08-12").param("r0_unit", "08-23").param("r0_dept", "08-30")
                        .param("r1_type", "ARSBOKSLUT").param("r1_name", "Årsbokslut").param("r1_asOf", "12-31")
                        .param("r1_opens", "01-12").param("r1_opensYear", "1").param("r1_unit", "01-19").param("r1_unitYear", "1")
                        .param("r1_dept", "01-26").param("r1_deptYear", "1").param("r2_name", ""))
                .andExpect(status().is3xxRedirection());
        SignedIn.as(users, "admin");
        assertThat(arshjul.template().rounds()).hasSize(2);
        assertThat(arshjul.template().rounds().get(1).opens()).isEqualTo(new RelativeDate(1, 1, 12));

        mvc.perform(get("/uppfoljning/arshjul/skapa").with(admin).param("ar", "2023").param("organ", String.valueOf(von)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2023-08-23")))
                .andExpect(content().string(containsString("Skapa 2 uppföljningar")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("??"))));
        mvc.perform(post("/uppfoljning/arshjul/skapa").with(admin).with(csrf()).param("ar", "2023").param("organ", String.valueOf(von)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/uppfoljning/arshjul/skapa").with(admin).param("ar", "2023").param("organ", String.valueOf(von)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alla uppföljningar finns redan")));
        mvc.perform(get("/uppfoljning/arshjul/skapa").with(admin).param("ar", "tjugo"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/uppfoljning/arshjul/skapa").with(user(users.loadUserByUsername("politiker"))).param("ar", "2023"))
                .andExpect(status().isForbidden());
    }
}
