package se.styr.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;

/** The editor's goal fields: written for a proposal and read back, rows removed or left empty, rows added, bad input. */
class ProposalFormTest {

    static final String GOAL_1 = "Prioriterat mål 1: Alingsås kommun leder utvecklingen mot ett hållbart samhälle.";
    static final String GOAL_2 = "Prioriterat mål 2: I Alingsås kommun kan medborgarna lita på välfärden.";

    /** Three indicators of seed 002 (Vänsterpartiet 2026–2028) and a goal without indicators. */
    static final List<Proposal.Indicator> INDICATORS = List.of(
            new Proposal.Indicator(GOAL_1, "Köp av vård och omsorg, totalt, ska minska. Andel (%). (Kolada: N04123)", "N04123",
                    2024, "12,2%", 2028, "7,5%"),
            new Proposal.Indicator(GOAL_1, "Kommunägd solenergi ska öka. Årlig kommunägd solel (GWh). (Källa: Alingsås Energi Årsredovisning 2022)",
                    null, 2023, "0,09 GWh", 2028, "5 GWh"),
            new Proposal.Indicator(GOAL_2, "Barn per barngrupp 1-3 år i förskola, kommunal regi ska minska. Antal barn. (Kolada: N11046)",
                    "N11046", 2024, "14,1", 2028, "12 (i enlighet med Skolverkets rekommendation)"),
            new Proposal.Indicator("Prioriterat mål 3: Alingsås är en inbjudande, trygg och demokratisk kommun att leva och bo i.",
                    null, null, null, null, null, null));

    static Proposal proposal(List<Proposal.Indicator> indicators) {
        return new Proposal(0, 0, 0, 1, 2, null, 0, ProposalState.UTKAST, "Vänsterpartiets budgetförslag 2026–2028", null, 30,
                Map.of(), new BigDecimal("2.5"), BigDecimal.valueOf(100), BigDecimal.valueOf(100), List.of(), indicators, null, null, 0);
    }

    static Map<String, String> form() {
        return new LinkedHashMap<>(ProposalForm.of(proposal(INDICATORS), new SwedishFormat()));
    }

    static List<Proposal.Indicator> read(Map<String, String> form) {
        Problems problems = new Problems();
        Proposal p = ProposalForm.read(form, 1, 2, problems);
        problems.throwIfAny();
        return p.indicators();
    }

    static List<String> problems(Map<String, String> form) {
        Problems problems = new Problems();
        ProposalForm.read(form, 1, 2, problems);
        return problems.list().stream().map(p -> p.field() + " " + p.messageKey()).toList();
    }

    @Test
    void amountsFinerThanATkrAreOfferedAsTheyAreSoSavingKeepsThem() {
        Proposal p = new Proposal(0, 0, 0, 1, 2, null, 0, ProposalState.UTKAST, "Prov", null, 30, Map.of(2026, 9_985_000_500L), null,
                BigDecimal.valueOf(100), BigDecimal.valueOf(100), List.of(new Proposal.FrameChange(3, 2026, 1_234_567, true, null)),
                List.of(), null, null, 0);
        Map<String, String> form = new LinkedHashMap<>(ProposalForm.of(p, new SwedishFormat()));
        assertThat(form).containsEntry("taxBase2026", "9\u00a0985\u00a0000,5").containsEntry("change0.amount", "1\u00a0234,567");
        Problems problems = new Problems();
        Proposal read = ProposalForm.read(form, 1, 2, problems);
        problems.throwIfAny();
        assertThat(read.taxBase()).containsEntry(2026, 9_985_000_500L);
        assertThat(read.changes().get(0).amount()).isEqualTo(1_234_567);
    }

    @Test
    void theGoalsAreWrittenAsFieldsAndReadBackAsTheyWere() {
        Map<String, String> form = form();
        assertThat(form).containsEntry("goal0.title", GOAL_1)
                .containsEntry("goal0.ind0.kolada", "N04123").containsEntry("goal0.ind0.outcomeYear", "2024")
                .containsEntry("goal0.ind0.outcome", "12,2%").containsEntry("goal0.ind0.targetYear", "2028")
                .containsEntry("goal0.ind0.target", "7,5%")
                .containsEntry("goal0.ind1.kolada", "")
                .containsEntry("goal1.ind0.target", "12 (i enlighet med Skolverkets rekommendation)")
                .doesNotContainKey("goal2.ind0.text");
        assertThat(ProposalForm.goalRows(form)).containsExactly(List.of(0, 1), List.of(0), List.of());
        assertThat(read(form)).isEqualTo(INDICATORS);
    }

    @Test
    void tickedAndEmptyRowsAreLeftOutAndAGoalWithoutIndicatorsIsKept() {
        Map<String, String> form = form();
        form.put("goal0.ind0.remove", "true");
        form.put("goal1.remove", "true");
        form.put("goal0.ind2.text", " ");
        form.put("goal0.ind2.kolada", "");
        form.put("goal3.title", "");
        form.put("goal3.ind0.text", "");
        assertThat(read(form)).containsExactly(INDICATORS.get(1), INDICATORS.get(3));
    }

    @Test
    void theAddButtonsAddAnEmptyRowAndSayWhereToContinue() {
        Map<String, String> form = form();
        form.put("addIndicator", "1");
        assertThat(ProposalForm.asksForRow(form)).isTrue();
        assertThat(ProposalForm.addRow(form)).isEqualTo("goal1.ind1.text");
        assertThat(ProposalForm.goalRows(form)).containsExactly(List.of(0, 1), List.of(0, 1), List.of());

        Map<String, String> another = form();
        another.put("addGoal", "1");
        assertThat(ProposalForm.addRow(another)).isEqualTo("goal3.title");
        assertThat(ProposalForm.goalRows(another)).containsExactly(List.of(0, 1), List.of(0), List.of(), List.of(0));
        // the new rows are empty, so reading the form gives the goals as they were
        assertThat(read(another)).isEqualTo(INDICATORS);

        Map<String, String> noSuchGoal = form();
        noSuchGoal.put("addIndicator", "7");
        assertThat(ProposalForm.addRow(noSuchGoal)).isNull();
        assertThat(ProposalForm.goalRows(noSuchGoal)).isEqualTo(ProposalForm.goalRows(form()));
        assertThat(ProposalForm.asksForRow(form())).isFalse();
    }

    @Test
    void theEditorShownAgainOffersAsManyEmptyFrameChangeRowsAsBefore() {
        Map<String, String> form = form();
        for (int i = 0; i < ProposalForm.NEW_ROWS; i++) {
            form.put("change" + i + ".unit", "");
            form.put("change" + i + ".amount", "");
        }
        assertThat(ProposalForm.rows(form)).isEqualTo(ProposalForm.NEW_ROWS);
        form.put("change1.amount", "20 000");
        assertThat(ProposalForm.rows(form)).isEqualTo(2 + ProposalForm.NEW_ROWS);
    }

    @Test
    void badKoladaIdsYearsAndIndicatorsWithoutTheirGoalAreRefused() {
        Map<String, String> form = form();
        form.put("goal0.ind0.kolada", "N4123");
        form.put("goal0.ind1.kolada", "X04123");
        form.put("goal0.ind1.outcomeYear", "20x3");
        form.put("goal1.ind0.outcomeYear", "1024");
        form.put("goal2.title", GOAL_1);
        form.put("goal3.title", " ");
        form.put("goal3.ind0.text", "Valdeltagande i kommunalvalet ska öka. Andel (%). (Kolada: N05401)");
        form.put("goal3.ind0.outcomeYear", "2025");
        form.put("goal3.ind0.targetYear", "2024");
        assertThat(problems(form)).containsExactlyInAnyOrder(
                "goal0.ind0.kolada validering.kolada",
                "goal0.ind1.outcomeYear validering.heltal",
                "goal0.ind1.kolada validering.kolada",
                "goal1.ind0.outcomeYear validering.ar.utanfor",
                "goal2.title proposals.error.goalTwice",
                "goal3.ind0.targetYear proposals.error.targetBeforeOutcome",
                "goal3.title proposals.error.goalMissing");

        Map<String, String> noText = form();
        noText.put("goal0.ind0.text", "");
        noText.put("goal0.title", "x".repeat(ProposalForm.GOAL_LENGTH + 1));
        assertThat(problems(noText)).containsExactlyInAnyOrder("goal0.ind0.text proposals.error.indicatorMissing",
                "goal0.title validering.text.lang");
    }

    @Test
    void theFiguresAreShownAsYearAndValue() {
        assertThat(INDICATORS.get(0).outcomeText()).isEqualTo("2024: 12,2%");
        assertThat(INDICATORS.get(2).targetText()).isEqualTo("2028: 12 (i enlighet med Skolverkets rekommendation)");
        // a figure written before outcome and target had years of their own
        assertThat(new Proposal.Indicator(GOAL_1, "Indikator", null, null, "Utfall 2023: 80’504", 2028, null).outcomeText())
                .isEqualTo("Utfall 2023: 80’504");
        assertThat(proposal(INDICATORS).goals()).containsOnlyKeys(GOAL_1, GOAL_2, INDICATORS.get(3).goal());
        assertThat(proposal(INDICATORS).goals().get(INDICATORS.get(3).goal())).isEmpty();
    }
}
