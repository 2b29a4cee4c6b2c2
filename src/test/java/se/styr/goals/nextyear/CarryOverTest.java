package se.styr.goals.nextyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.audit.AuditLog;
import se.styr.goals.GoalService;
import se.styr.goals.GoalViews;
import se.styr.goals.Kind;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.ValidationException;

/** Alingsås carried from Budget 2022–2024 into 2023: the chain, the links, the history, the drafts and the rights. */
@StyrIntegrationTest
@Transactional
@WithUserDetails("admin")
class CarryOverTest {

    static final String INSIKT = "Företagsklimat, Insikt, index 1-100";

    @Autowired
    CarryOver carry;
    @Autowired
    Drafts drafts;
    @Autowired
    GoalService goals;
    @Autowired
    Organisation organisation;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long from() {
        return organisation.periods(municipality()).stream().filter(p -> p.name().equals("Budget 2022–2024")).findFirst().orElseThrow().id();
    }

    long municipality() {
        return organisation.municipalities().get(0).id();
    }

    long unit(String code) {
        return organisation.units(municipality()).stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
    }

    /** Every object of the body's tree that the preview offers. */
    List<Long> offered(long body) {
        List<Long> ids = new ArrayList<>();
        collect(carry.preview(from(), body).tree(), ids);
        return ids;
    }

    private static void collect(List<CarryOver.Choice> choices, List<Long> into) {
        for (CarryOver.Choice c : choices) {
            if (c.offered()) {
                into.add(c.row().id());
            }
            collect(c.children(), into);
        }
    }

    long successorOf(String kind, String title) {
        return jdbc.sql("""
                        select s.id from goal_object s join goal_object o on o.id = s.predecessor_id
                        where o.kind = ? and o.title = ?""").params(kind, title).query(Long.class).single();
    }

    /** Creates Budget 2023–2025 and carries KF's chain and VON's into it. */
    PlanPeriod rollOver() {
        PlanPeriod next = carry.startNext(from());
        carry.carry(from(), null, offered(unit("KF")));
        carry.carry(from(), null, offered(unit("VON")));
        return next;
    }

    @Test
    void the_next_period_is_created_once_and_audited() {
        PlanPeriod next = carry.startNext(from());
        assertThat(next.name()).isEqualTo("Budget 2023–2025");
        assertThat(next.firstYear()).isEqualTo(2023);
        assertThat(next.lastYear()).isEqualTo(2025);
        assertThat(carry.startNext(from()).id()).isEqualTo(next.id());
        assertThat(audit.find(municipality(), "plan_period", next.id(), null, 0, 10).entries()).hasSize(1);
    }

    @Test
    void kf_and_von_are_carried_with_links_values_and_drafts() {
        long kfObjects = jdbc.sql("select count(*) from goal_object where owner_unit_id = ? and period_id = ? and retired = false")
                .params(unit("KF"), from()).query(Long.class).single();
        PlanPeriod next = carry.startNext(from());
        CarryOver.Result kf = carry.carry(from(), null, offered(unit("KF")));
        assertThat(kf.total()).isEqualTo(kfObjects);
        assertThat(kf.created()).containsEntry(Kind.FOKUSOMRADE, 5).containsEntry(Kind.PRIORITERAT_MAL, 5);

        CarryOver.Result von = carry.carry(from(), null, offered(unit("VON")));
        assertThat(von.drafts()).isEqualTo(7);
        assertThat(von.created()).containsKey(Kind.NAMNDMAL).doesNotContainKey(Kind.INTERNKONTROLLPUNKT);

        // the indicator continues: the same Kolada id in the new period, its 2023 target along, 2018–2020 as history
        long insikt = successorOf("INDIKATOR", INSIKT);
        var copy = goals.get(insikt);
        assertThat(copy.periodId()).isEqualTo(next.id());
        assertThat(copy.koladaId()).isEqualTo("U07451");
        assertThat(goals.values(insikt)).singleElement().satisfies(v -> {
            assertThat(v.year()).isEqualTo(2023);
            assertThat(v.target()).isEqualByComparingTo("75");
        });
        GoalViews.Details details = goals.details(insikt);
        assertThat(details.history()).extracting(e -> e.value().year()).containsExactly(2018, 2019, 2020);
        assertThat(details.history()).extracting(e -> e.value().outcome())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("63"), new BigDecimal("59"), new BigDecimal("67"));
        assertThat(details.history()).allSatisfy(e -> assertThat(e.periodName()).isEqualTo("Budget 2022–2024"));
        // judged on the whole series: the baseline is 2020's outcome, the value the 2023 target was set against
        assertThat(details.baseline()).isEqualByComparingTo("67");
        assertThat(details.node().trend()).isNotNull();
        assertThat(details.node().headline().baseline()).isEqualByComparingTo("67");

        // the parent of the copy is the parent's copy; committee goals point at the new indicators
        assertThat(goals.get(copy.parentId()).periodId()).isEqualTo(next.id());
        List<Long> linked = jdbc.sql("select linked_indicator_id from goal_object where period_id = ? and linked_indicator_id is not null")
                .param(next.id()).query(Long.class).list();
        assertThat(linked).isNotEmpty().allSatisfy(id -> assertThat(goals.get(id).periodId()).isEqualTo(next.id()));
        // judgements stay with the old year
        assertThat(jdbc.sql("select count(*) from goal_object where period_id = ? and judgement is not null").param(next.id())
                .query(Long.class).single()).isZero();
        // the old period is untouched
        assertThat(goals.values(jdbc.sql("select id from goal_object where kind = 'INDIKATOR' and title = ? and period_id = ?")
                .params(INSIKT, from()).query(Long.class).single())).hasSize(4);

        // one audit line per new object, saying where it came from, and one summary of the carry
        var entries = audit.find(municipality(), "goal_object", insikt, null, 0, 10).entries();
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.summary()).contains("överförd från Budget 2022–2024"));
        assertThat(audit.find(municipality(), "plan_period", next.id(), null, 0, 10).entries()).hasSize(3);
    }

    @Test
    void finished_assignments_and_retired_objects_stay_behind() {
        rollOver();
        assertThat(jdbc.sql("""
                        select count(*) from goal_object s join goal_object o on o.id = s.predecessor_id
                        where o.status = 'FARDIG' or o.retired = true""").query(Long.class).single()).isZero();
        long unfinished = jdbc.sql("select count(*) from goal_object where kind = 'UPPDRAG' and period_id = ? and status <> 'FARDIG'"
                + " and owner_unit_id in (select id from org_unit where code in ('KF', 'VON')) and retired = false").param(from())
                .query(Long.class).single();
        long carried = jdbc.sql("select count(*) from goal_object where kind = 'UPPDRAG' and predecessor_id is not null")
                .query(Long.class).single();
        assertThat(carried).isLessThanOrEqualTo(unfinished);
    }

    @Test
    void carrying_twice_creates_nothing_more() {
        rollOver();
        long before = jdbc.sql("select count(*) from goal_object").query(Long.class).single();
        CarryOver.Result again = carry.carry(from(), null, offered(unit("KF")).isEmpty()
                ? jdbc.sql("select id from goal_object where period_id = ? and owner_unit_id = ?").params(from(), unit("KF")).query(Long.class).list()
                : offered(unit("KF")));
        assertThat(again.total()).isZero();
        assertThat(again.alreadyCarried()).isPositive();
        assertThat(jdbc.sql("select count(*) from goal_object").query(Long.class).single()).isEqualTo(before);
        assertThat(offered(unit("KF"))).isEmpty();
    }

    @Test
    void a_committee_goal_is_not_carried_without_kfs_goal_above_it() {
        carry.startNext(from());
        assertThatThrownBy(() -> carry.carry(from(), null, offered(unit("VON"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey).contains("nastaar.validering.forelder"));
        assertThat(jdbc.sql("select count(*) from goal_object where predecessor_id is not null").query(Long.class).single()).isZero();
    }

    @Test
    void without_a_next_period_the_carry_is_refused_in_swedish() {
        assertThatThrownBy(() -> carry.carry(from(), null, offered(unit("KF"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey).containsExactly("nastaar.validering.ingenPeriod"));
    }

    @Test
    void drafts_are_confirmed_into_the_plan_or_dropped() {
        PlanPeriod next = rollOver();
        var list = drafts.list(next.id(), Drafts.State.UTKAST, new se.styr.platform.Paging(1, 50)).items();
        assertThat(list).hasSize(7);
        Drafts.Draft confirmed = drafts.confirm(list.get(0).id(), list.get(0).version());
        assertThat(confirmed.state()).isEqualTo(Drafts.State.BEKRAFTAD);
        assertThat(goals.get(confirmed.successorId()).periodId()).isEqualTo(next.id());
        assertThat(goals.get(confirmed.successorId()).kind()).isEqualTo(Kind.INTERNKONTROLLPUNKT);
        Drafts.Draft dropped = drafts.drop(list.get(1).id(), list.get(1).version());
        assertThat(dropped.state()).isEqualTo(Drafts.State.STRUKEN);
        assertThat(dropped.successorId()).isNull();
        assertThatThrownBy(() -> drafts.drop(list.get(0).id(), confirmed.version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey).containsExactly("nastaar.validering.beslutat"));
        assertThatThrownBy(() -> drafts.confirm(list.get(2).id(), list.get(2).version() + 5))
                .isInstanceOf(se.styr.platform.ConflictException.class);
        assertThat(drafts.list(next.id(), Drafts.State.UTKAST, new se.styr.platform.Paging(1, 50)).total()).isEqualTo(5);
    }

    @Test
    void a_controller_carries_only_their_committee_and_a_reader_nothing() {
        carry.startNext(from());
        List<Long> kf = offered(unit("KF"));
        SignedIn.as(users, "controller");
        assertThatThrownBy(() -> carry.carry(from(), null, kf)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> carry.startNext(from())).isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "admin");
        carry.carry(from(), null, kf);
        SignedIn.as(users, "controller");
        CarryOver.Result von = carry.carry(from(), null, offered(unit("VON")));
        assertThat(von.total()).isPositive();
        SignedIn.as(users, "politiker");
        assertThatThrownBy(() -> carry.carry(from(), null, List.of(kf.get(0)))).isInstanceOf(AccessDeniedException.class);
    }
}
