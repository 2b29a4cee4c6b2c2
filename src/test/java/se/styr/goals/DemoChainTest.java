package se.styr.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import se.styr.StyrIntegrationTest;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;

/** The demo data is Alingsås kommun from seed 004, and the chain computes the seeds' states from it. */
@StyrIntegrationTest
@WithUserDetails("politiker")
class DemoChainTest {

    @Autowired
    GoalService goals;
    @Autowired
    Organisation organisation;

    static GoalObject find(GoalService goals, Kind kind, String titleStart) {
        List<GoalObject> found = goals.list(kind).stream().filter(o -> o.title().startsWith(titleStart)).toList();
        assertThat(found).as(kind + " " + titleStart).hasSize(1);
        return found.get(0);
    }

    @Test
    void alingsas_has_its_bodies_and_vons_administration() {
        long municipalityId = organisation.municipalities().get(0).id();
        var units = organisation.units(municipalityId);
        assertThat(units).extracting(u -> u.code())
                .contains("KF", "KS", "KSAU", "VON", "SN", "KUN", "BUN", "MSN", "SBN", "TN", "ÖFN", "VN", "VOF");
        assertThat(units).filteredOn(u -> u.type() == OrgUnitType.NAMND).hasSize(9);
        assertThat(units).filteredOn(u -> u.type() == OrgUnitType.AVDELNING).isNotEmpty();
        assertThat(units).filteredOn(u -> u.type() == OrgUnitType.ENHET).isNotEmpty();
        assertThat(organisation.municipality(municipalityId).vision()).startsWith("Alingsås är Västsveriges vackraste kulturstad");
    }

    @Test
    void the_chain_runs_from_five_focus_areas_to_key_figures() {
        assertThat(goals.list(Kind.FOKUSOMRADE)).extracting(GoalObject::title)
                .containsExactlyInAnyOrder("Vackra miljöer", "Livskvalitet", "Experimentlust", "Omställning", "Tillsammans");
        assertThat(goals.list(Kind.PRIORITERAT_MAL)).hasSize(5);
        assertThat(goals.list(Kind.NAMNDMAL)).hasSize(4);
        assertThat(goals.list(Kind.UPPDRAG)).isNotEmpty().allSatisfy(u -> assertThat(u.status()).isNotNull());

        List<GoalViews.Node> tree = goals.tree(null, false);
        assertThat(tree).extracting(n -> n.object().kind()).contains(Kind.FOKUSOMRADE);
        GoalViews.Node tillsammans = tree.stream().filter(n -> n.object().title().equals("Tillsammans")).findFirst().orElseThrow();
        GoalViews.Node goal3 = tillsammans.children().get(0);
        assertThat(goal3.object().kind()).isEqualTo(Kind.PRIORITERAT_MAL);
        assertThat(goal3.children()).extracting(c -> c.object().kind()).contains(Kind.INDIKATOR, Kind.NAMNDMAL);
    }

    @Test
    void business_climate_carries_the_seed_figures_and_is_behind_target() {
        GoalObject indicator = find(goals, Kind.INDIKATOR, "Företagsklimat");
        GoalViews.Details d = goals.details(indicator.id());

        assertThat(indicator.koladaId()).isEqualTo("U07451");
        assertThat(indicator.direction()).isEqualTo(Direction.INCREASE);
        assertThat(d.years()).extracting(r -> r.value().year()).contains(2018, 2019, 2020, 2023);
        assertThat(d.node().headline().outcome()).isEqualByComparingTo("67");
        assertThat(d.node().headline().target()).isEqualByComparingTo("75");
        assertThat(d.node().headline().signal()).isEqualTo(Signal.MED_ANMARKNING);
        assertThat(d.node().trend()).isEqualTo(Trend.OKAD);
    }

    @Test
    void von_judged_the_lss_goal_met_although_the_key_figure_is_72_of_80() {
        GoalObject goal = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        GoalViews.Node node = goals.details(goal.id()).node();

        assertThat(node.derivedState()).isEqualTo(GoalState.EJ_UPPFYLLT);
        assertThat(node.state()).isEqualTo(GoalState.HELT_UPPFYLLT);
        assertThat(node.stateIsJudged()).isTrue();
        assertThat(goal.agenda2030Goal()).isEqualTo(11);
        assertThat(goal.agenda2030Target()).isEqualTo("11.3");
    }

    @Test
    void filtering_on_von_keeps_its_objects_and_their_context() {
        long von = organisation.units(organisation.municipalities().get(0).id()).stream()
                .filter(u -> "VON".equals(u.code())).findFirst().orElseThrow().id();
        List<GoalViews.Node> tree = goals.tree(von, false);

        List<String> titles = new java.util.ArrayList<>();
        collect(tree, titles);
        assertThat(titles).anyMatch(t -> t.startsWith("Öka antalet gruppboendeplatser"));
        assertThat(titles).doesNotContain("Vackra miljöer", "Experimentlust");
        assertThat(titles).noneMatch(t -> t.startsWith("Företagsklimat"));
    }

    private static void collect(List<GoalViews.Node> nodes, List<String> into) {
        nodes.forEach(n -> {
            into.add(n.object().title());
            collect(n.children(), into);
        });
    }
}
