package se.styr.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
    @Autowired
    ChainReader chain;

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

        ChainReader.Context c = chain.context();
        ChainQueries.Scope whole = chain.scope(c, null, false);
        List<GoalViews.Node> tree = chain.top(c, whole);
        assertThat(tree).extracting(n -> n.object().kind()).contains(Kind.FOKUSOMRADE);
        GoalViews.Node tillsammans = tree.stream().filter(n -> n.object().title().equals("Tillsammans")).findFirst().orElseThrow();
        assertThat(tillsammans.open()).isFalse();
        assertThat(tillsammans.childCount()).isPositive();
        GoalViews.Node goal3 = chain.node(c, whole, tillsammans.object(), true).children().get(0);
        goal3 = chain.node(c, whole, goal3.object(), true);
        assertThat(goal3.object().kind()).isEqualTo(Kind.PRIORITERAT_MAL);
        assertThat(goal3.children()).extracting(k -> k.object().kind()).contains(Kind.INDIKATOR, Kind.NAMNDMAL);
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
        ChainReader.Context c = chain.context();
        List<GoalViews.Node> tree = chain.top(c, chain.scope(c, von, false));

        List<String> titles = new java.util.ArrayList<>();
        collect(tree, titles);
        assertThat(titles).anyMatch(t -> t.startsWith("Öka antalet gruppboendeplatser"));
        assertThat(titles).doesNotContain("Vackra miljöer", "Experimentlust");
        assertThat(titles).noneMatch(t -> t.startsWith("Företagsklimat"));
    }

    @Test
    void vons_internal_control_plan_2022_has_the_seven_points_of_the_seed() {
        List<GoalObject> points = goals.list(Kind.INTERNKONTROLLPUNKT).stream()
                .sorted(java.util.Comparator.comparingInt(GoalObject::position)).toList();
        long von = organisation.units(organisation.municipalities().get(0).id()).stream()
                .filter(u -> "VON".equals(u.code())).findFirst().orElseThrow().id();

        assertThat(points).hasSize(7).allSatisfy(p -> {
            assertThat(p.ownerUnitId()).isEqualTo(von);
            assertThat(p.parentId()).isNull();
            assertThat(java.util.Arrays.asList(p.process(), p.description(), p.controlMethod(), p.responsible())).doesNotContainNull();
        });
        assertThat(points).extracting(GoalObject::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(points).extracting(GoalObject::riskValue).containsExactly(8, 9, 12, 9, 6, 6, 6);
        assertThat(points).extracting(GoalObject::followUpOccasion).containsExactly(FollowUpOccasion.DELARSBOKSLUT,
                FollowUpOccasion.DELARS_OCH_ARSBOKSLUT, FollowUpOccasion.ARSBOKSLUT, FollowUpOccasion.ARSBOKSLUT,
                FollowUpOccasion.ARSBOKSLUT, FollowUpOccasion.DELARS_OCH_ARSBOKSLUT, FollowUpOccasion.DELARSBOKSLUT);
        // The interim report 2022 followed up points 1, 2, 6 and 7.
        assertThat(points).filteredOn(p -> p.followUpOccasion().includesInterim()).extracting(GoalObject::position)
                .containsExactly(1, 2, 6, 7);
        GoalObject first = points.get(0);
        assertThat(first.title()).isEqualTo("Bristande efterlevnad av kommunfullmäktiges policy och struktur för styrande dokument");
        assertThat(first.process()).isEqualTo("Styrprocessen");
        assertThat(first.responsible()).isEqualTo("Avdelningschef förvaltningskontoret");
        assertThat(points.get(3).process()).isEqualTo("Ärendehanteringsprocessen");
        assertThat(points.get(6).responsible()).isEqualTo("SAS");
        assertThat(points.get(6).controlMethod()).startsWith("Stickprov 10% av beslut fattade under perioden 1 januari-31 maj 2022");
    }

    @Test
    void vofs_critical_factors_2022_carry_their_key_figures() {
        List<GoalObject> factors = goals.list(Kind.KRITISK_FAKTOR);
        long vof = organisation.units(organisation.municipalities().get(0).id()).stream()
                .filter(u -> "VOF".equals(u.code())).findFirst().orElseThrow().id();
        java.util.Set<Long> factorIds = factors.stream().map(GoalObject::id).collect(java.util.stream.Collectors.toSet());
        List<GoalObject> figures = goals.list(Kind.NYCKELTAL).stream().filter(k -> factorIds.contains(k.parentId())).toList();

        assertThat(factors).hasSize(19).allSatisfy(f -> {
            assertThat(f.ownerUnitId()).isEqualTo(vof);
            assertThat(f.perspective()).isNotNull();
        });
        assertThat(factors).filteredOn(f -> f.perspective() == Perspective.EKONOMI).hasSize(2);
        assertThat(factors).filteredOn(f -> f.perspective() == Perspective.MALGRUPP).hasSize(6);
        assertThat(factors).filteredOn(f -> f.perspective() == Perspective.VERKSAMHET).hasSize(5);
        assertThat(factors).filteredOn(f -> f.perspective() == Perspective.MEDARBETARE).hasSize(6);
        assertThat(figures).hasSize(42).allSatisfy(k -> assertThat(k.ownerUnitId()).isEqualTo(vof));

        GoalObject sickLeave = find(goals, Kind.NYCKELTAL, "Sjukfrånvaro, totalt (%)");
        GoalObject factor = goals.get(sickLeave.parentId());
        assertThat(factor.kind()).isEqualTo(Kind.KRITISK_FAKTOR);
        assertThat(factor.title()).isEqualTo("Sjukfrånvaron överstiger inte 8,0 %");
        assertThat(factor.perspective()).isEqualTo(Perspective.MEDARBETARE);
        assertThat(factor.frequency()).isEqualTo("Två gånger per år");
        assertThat(sickLeave.direction()).isEqualTo(Direction.DECREASE);
        GoalViews.Node node = goals.details(sickLeave.id()).node();
        assertThat(node.headline().outcomeYear()).isEqualTo(2021);
        assertThat(node.headline().outcome()).isEqualByComparingTo("10.2");
        assertThat(node.headline().targetYear()).isEqualTo(2022);
        assertThat(node.headline().target()).isEqualByComparingTo("8.0");
        assertThat(node.headline().signal()).isEqualTo(Signal.MED_ANMARKNING);

        // A target that is a phrase stays a phrase: no invented number.
        GoalObject falls = find(goals, Kind.NYCKELTAL, "Antal fallavvikelser totalt");
        assertThat(falls.description()).contains("ska minska med 10 %");
        assertThat(goals.values(falls.id())).extracting(MeasureValue::target).containsOnlyNulls();
        GoalObject homeCare = figures.stream().filter(k -> "N21006".equals(k.koladaId())).findFirst().orElseThrow();
        assertThat(homeCare.description()).contains("I nivå med riket eller lägre");
        List<MeasureValue> homeCareValues = goals.values(homeCare.id());
        assertThat(homeCareValues).hasSize(1);
        assertThat(homeCareValues.get(0).year()).isEqualTo(2020);
        assertThat(homeCareValues.get(0).outcome()).isEqualByComparingTo(new BigDecimal("346453"));
        assertThat(homeCareValues.get(0).target()).isNull();
    }

    private static void collect(List<GoalViews.Node> nodes, List<String> into) {
        nodes.forEach(n -> {
            into.add(n.object().title());
            collect(n.children(), into);
        });
    }
}
