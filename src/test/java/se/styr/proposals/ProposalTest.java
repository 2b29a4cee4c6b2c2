package se.styr.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.platform.NotFoundException;
import se.styr.platform.ValidationException;

/** The seeds' proposals as loaded, validation, visibility, publishing and the pages, PDF and JSON. */
@StyrIntegrationTest
@Transactional
class ProposalTest extends MvcTestSupport {

    @Autowired
    ProposalService proposals;
    @Autowired
    ProposalComparisons comparisons;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Proposal byTitle(String title) {
        return proposals.visible().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }

    long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    long budget(String period) {
        return jdbc.sql("select b.id from budget b join plan_period p on p.id = b.period_id where p.name = ?").param(period).query(Long.class).single();
    }

    /**
     * What a proposal's PKV share adds to a committee's frame in the first year of its base's allocation model, from the
     * model as stored: base frame × PKV % × share − base frame × PKV % × the model's share, each index rounded half up
     * to the krona as the allocation calculator does. (The volume share is the model's, so volume adds nothing.)
     */
    long extraIndex(long budgetId, long unit, int year, BigDecimal share) {
        long model = jdbc.sql("select id from allocation_model where budget_id = ?").param(budgetId).query(Long.class).single();
        BigDecimal modelShare = jdbc.sql("select pkv_share from allocation_model where id = ?").param(model).query(BigDecimal.class).single();
        BigDecimal pkv = jdbc.sql("select percent from allocation_pkv where model_id = ? and year = ?").params(model, year)
                .query(BigDecimal.class).single();
        long base = jdbc.sql("select base_frame from allocation_committee where model_id = ? and org_unit_id = ?").params(model, unit)
                .query(Long.class).single();
        BigDecimal full = BigDecimal.valueOf(base).multiply(pkv).movePointLeft(2);
        return full.multiply(share).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact()
                - full.multiply(modelShare).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    List<Long> modelCommittees(long budgetId) {
        return jdbc.sql("select c.org_unit_id from allocation_committee c join allocation_model m on m.id = c.model_id where m.budget_id = ?"
                + " and c.base_frame is not null").param(budgetId).query(Long.class).list();
    }

    String goalTitle(long budgetId, String kind) {
        return jdbc.sql("select g.title from financial_goal g join budget b on b.period_id = g.period_id where b.id = ? and g.kind = ?")
                .params(budgetId, kind).query(String.class).single();
    }

    ProposalCalculator.Check goalCheck(ProposalCalculator.Result r, String title, int year) {
        return r.checks().stream().filter(c -> c.kind() == ProposalCalculator.CheckKind.FINANSIELLT_MAL && title.equals(c.goal())
                && c.year() == year).findFirst().orElseThrow();
    }

    @Test
    void vänsterpartiet2025AsInTheSeed() {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2025");
        assertThat(v.taxChangeOre()).isEqualTo(30);
        assertThat(v.resultTarget()).isEqualByComparingTo("2.3");
        assertThat(v.pkvShare()).isEqualByComparingTo("100");
        assertThat(v.changes()).extracting(c -> Map.entry(c.orgUnitId(), c.amount())).containsExactly(
                Map.entry(unit("VON"), 20_000_000L), Map.entry(unit("BUN"), 50_000_000L), Map.entry(unit("SN"), 2_000_000L),
                Map.entry(unit("KUN"), 10_000_000L), Map.entry(unit("KS"), 5_000_000L));
        assertThat(v.changes()).allMatch(c -> c.permanent() && c.year() == 2025);
        assertThat(v.goals()).hasSize(3);
        assertThat(v.indicators()).hasSize(26);
        assertThat(v.indicators().get(0)).isEqualTo(new Proposal.Indicator(
                "Prioriterat mål 1: Alingsås kommun leder utvecklingen mot ett hållbart samhälle.",
                "Utsläpp till luft av växthusgaser totalt ska minska. Ton CO2-ekv (Kolada: N07702)", "N07702",
                2022, "81 275", 2026, "50000"));
        // the seed writes "Utfall 2023 66,4%" without a colon
        assertThat(v.indicators()).filteredOn(i -> "N00594".equals(i.koladaId())).singleElement()
                .extracting(Proposal.Indicator::outcomeYear, Proposal.Indicator::outcome, Proposal.Indicator::targetYear, Proposal.Indicator::target)
                .containsExactly(2023, "66,4%", 2026, "75%");
        assertThat(v.indicators()).allMatch(i -> i.outcomeYear() != null && i.targetYear() == 2026);
        assertThat(v.published()).isTrue();

        // Published from its snapshot: 30 öre on the illustrative tax base 9 985 000 tkr, minus 87 mnkr of frames and the
        // full PKV the base's allocation model (50 %) does not give: for VON 818 729 tkr × 4,4 % × 50 % = 18 012 tkr.
        ProposalService.View view = proposals.view(v);
        ProposalCalculator.Year y = view.result().year(2025);
        long fullPkv = modelCommittees(v.budgetId()).stream().mapToLong(u -> extraIndex(v.budgetId(), u, 2025, v.pkvShare())).sum();
        assertThat(fullPkv).isPositive();
        assertThat(y.taxChange()).isEqualTo(29_955_000L);
        assertThat(y.frameChange()).isEqualTo(87_000_000L + fullPkv);
        assertThat(y.result()).isEqualTo(y.baseResult() + 29_955_000L - 87_000_000L - fullPkv);
        assertThat(view.result().taxRate()).isEqualByComparingTo("21.66");
        assertThat(view.result().compensated()).isTrue();
        assertThat(view.result().checks()).anyMatch(c -> c.kind() == ProposalCalculator.CheckKind.FINANSIELLT_MAL);
    }

    @Test
    void vänsterpartiet2026And2028AndSocialdemokraterna2020AsInTheSeeds() {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        assertThat(v.taxChangeOre()).isEqualTo(30);
        assertThat(v.resultTarget()).isEqualByComparingTo("2.5");
        assertThat(v.volumeShare()).isEqualByComparingTo("100");
        assertThat(v.changes()).extracting(Proposal.FrameChange::amount)
                .containsExactly(20_000_000L, 20_000_000L, 20_000_000L, 20_000_000L, 12_000_000L, 5_000_000L);
        assertThat(v.changes().get(5).orgUnitId()).isEqualTo(unit("TN"));
        assertThat(v.indicators()).extracting(Proposal.Indicator::targetYear, Proposal.Indicator::target)
                .contains(org.assertj.core.groups.Tuple.tuple(2028, "50’000"),
                        org.assertj.core.groups.Tuple.tuple(2028, "500 (källa: https://nationellaemissionsdatabasen.smhi.se/)"));
        assertThat(v.indicators()).filteredOn(i -> "N04123".equals(i.koladaId())).singleElement()
                .isEqualTo(new Proposal.Indicator("Prioriterat mål 1: Alingsås kommun leder utvecklingen mot ett hållbart samhälle.",
                        "Köp av vård och omsorg, totalt, ska minska. Andel (%). (Kolada: N04123)", "N04123", 2024, "12,2%", 2028, "7,5%"));

        Proposal s = byTitle("Socialdemokraternas budgetförslag 2020–2022");
        assertThat(s.taxChangeOre()).isZero();
        assertThat(s.resultTarget()).isEqualByComparingTo("4");
        // "utöver de medel som utfördelas i enlighet med resursfördelningsmodellen": the model's own shares
        assertThat(s.pkvShare()).isEqualByComparingTo("50");
        assertThat(s.volumeShare()).isEqualByComparingTo("100");
        assertThat(s.changes()).hasSize(11);
        long permanent = s.changes().stream().filter(Proposal.FrameChange::permanent).mapToLong(Proposal.FrameChange::amount).sum();
        long temporary = s.changes().stream().filter(c -> !c.permanent()).mapToLong(Proposal.FrameChange::amount).sum();
        // VON 5 mnkr, BUN 250 tkr, KUN 150 tkr + 1 mnkr, SBN 650 tkr permanent; VON 5 + 3, KUN 1, KS 1,5 + 4,35 mnkr temporary.
        assertThat(permanent).isEqualTo(7_050_000L);
        assertThat(temporary).isEqualTo(14_850_000L);
        assertThat(s.goals()).hasSize(5);
        // S 2020–2022 states its indicators without Kolada ids or figures
        assertThat(s.indicators()).hasSize(37).allMatch(i -> i.koladaId() == null && i.outcomeYear() == null && i.outcome() == null
                && i.targetYear() == null && i.target() == null);
        ProposalCalculator.Result r = proposals.view(s).result();
        // 2021: permanent 7 050 000 + VON 3 000 000 + KS 750 000 temporary
        assertThat(r.year(2021).frameChange()).isEqualTo(10_800_000L);
        assertThat(r.year(2020).frameChange()).isEqualTo(7_050_000L + 10_350_000L);
    }

    Proposal draft(long budgetId, long party, int ore, Map<Integer, Long> taxBase, List<Proposal.FrameChange> changes) {
        return new Proposal(0, 0, 0, budgetId, party, null, 0, ProposalState.UTKAST, "Utkast", null, ore, taxBase,
                new BigDecimal("2"), BigDecimal.valueOf(100), BigDecimal.valueOf(100), changes, List.of(), null, null, 0);
    }

    @Test
    void vänsterpartietsFullPkvRunsThroughTheBasesAllocationModel() throws Exception {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        long base = v.budgetId();
        assertThat(v.pkvShare()).isEqualByComparingTo("100");
        ProposalCalculator.Result r = proposals.view(v).result();
        assertThat(r.compensated()).isTrue();
        // the copied model has exactly the base's committees but Tekniska nämnden, whose line of 0 is the base's own
        List<Long> lines = jdbc.sql("select org_unit_id from budget_frame_line where budget_id = ? and kind = 'NAMND'").param(base)
                .query(Long.class).list();
        assertThat(modelCommittees(base)).doesNotContain(unit("TN"));
        assertThat(lines).containsExactlyInAnyOrderElementsOf(Stream.concat(modelCommittees(base).stream(),
                Stream.of(unit("TN"))).toList());

        // VON 2026: the base's frame + 20 mnkr + the half of PKV the model withholds (818 729 tkr × 4,4 % × 50 %)
        long von = unit("VON");
        long baseFrame = jdbc.sql("select a.amount from budget_frame_amount a join budget_frame_line l on l.id = a.line_id"
                + " where l.budget_id = ? and l.org_unit_id = ? and a.year = 2026").params(base, von).query(Long.class).single();
        long extra = extraIndex(base, von, 2026, v.pkvShare());
        ProposalCalculator.Cell cell = r.committees().stream().filter(c -> c.orgUnitId() == von).findFirst().orElseThrow().cell(2026);
        assertThat(cell.base()).isEqualTo(baseFrame);
        assertThat(cell.compensation()).isEqualTo(extra);
        assertThat(cell.difference()).isEqualTo(20_000_000L + extra);
        assertThat(cell.frame()).isEqualTo(baseFrame + 20_000_000L + extra);
        // Tekniska nämnden is not in the model: its 5 mnkr and nothing more
        ProposalCalculator.Cell tn = r.committees().stream().filter(c -> c.orgUnitId() == unit("TN")).findFirst().orElseThrow().cell(2026);
        assertThat(tn.difference()).isEqualTo(5_000_000L);
        // all its changes are permanent from 2026: 4 × 20 + 12 + 5 mnkr, plus the extra PKV of every committee in the model
        assertThat(r.year(2026).frameChange()).isEqualTo(v.changes().stream().mapToLong(Proposal.FrameChange::amount).sum()
                + modelCommittees(base).stream().mapToLong(u -> extraIndex(base, u, 2026, v.pkvShare())).sum());

        mvc.perform(get("/forslag/" + v.id()).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ingen sparad resursfördelningsmodell"))));
    }

    @Test
    void socialdemokraternaFollowTheModelSoOnlyTheirFrameChangesDiffer() {
        SignedIn.as(users, "politiker");
        Proposal s = byTitle("Socialdemokraternas budgetförslag 2020–2022");
        ProposalCalculator.Result r = proposals.view(s).result();
        assertThat(r.compensated()).isTrue();
        assertThat(r.committees()).hasSize(modelCommittees(s.budgetId()).size());
        for (ProposalCalculator.Committee c : r.committees()) {
            for (ProposalCalculator.Cell cell : c.cells()) {
                // a permanent change counts from its year on, a temporary one in its year only
                long changes = s.changes().stream().filter(f -> f.orgUnitId() == c.orgUnitId())
                        .filter(f -> f.permanent() ? f.year() <= cell.year() : f.year() == cell.year())
                        .mapToLong(Proposal.FrameChange::amount).sum();
                assertThat(cell.compensation()).as(c.name() + " " + cell.year()).isZero();
                assertThat(cell.difference()).as(c.name() + " " + cell.year()).isEqualTo(changes);
            }
        }
    }

    @Test
    void theFinancialGoalsAreCheckedOnTheIllustrativeBasesOwnFigures() {
        SignedIn.as(users, "politiker");
        // V 2025's base starts the year after the real Budget 2022–2024 ends; V 2026–2028's has no real budget before it
        for (String title : List.of("Vänsterpartiets budgetförslag 2025", "Vänsterpartiets budgetförslag 2026–2028")) {
            Proposal v = byTitle(title);
            ProposalCalculator.Result r = proposals.view(v).result();
            int first = r.years().get(0);
            // the copied investment budget gives self-financing its figures in every year
            String selfFinancing = goalTitle(v.budgetId(), "SJALVFINANSIERINGSGRAD");
            for (int year : r.years()) {
                assertThat(goalCheck(r, selfFinancing, year).status()).as(title + ": " + selfFinancing + " " + year)
                        .isNotEqualTo(ProposalCalculator.CheckStatus.UNDERLAG_SAKNAS);
            }
            // the first year's net cost growth is not compared with a real budget (another series); the later years are judged
            String growth = goalTitle(v.budgetId(), "NETTOKOSTNADSUTVECKLING");
            assertThat(goalCheck(r, growth, first).status()).as(title + ": " + growth + " " + first)
                    .isEqualTo(ProposalCalculator.CheckStatus.UNDERLAG_SAKNAS);
            for (int year : r.years().subList(1, r.years().size())) {
                ProposalCalculator.Check c = goalCheck(r, growth, year);
                assertThat(c.status()).as(title + ": " + growth + " " + year).isNotEqualTo(ProposalCalculator.CheckStatus.UNDERLAG_SAKNAS);
                assertThat(c.value()).isNotNull();
            }
        }
    }

    @Test
    void aNewProposalStartsFromTheModelsSharesOrFullCompensation() throws Exception {
        long base = budget("Budget 2025–2027 (illustrativ grund)");
        mvc.perform(get("/forslag/nytt").with(as("partiV")).param("budget", String.valueOf(base)).param("parti", String.valueOf(unit("V"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"pkvShare\" type=\"text\" inputmode=\"decimal\" value=\"50\"")))
                .andExpect(content().string(containsString("name=\"volumeShare\" type=\"text\" inputmode=\"decimal\" value=\"100\"")));

        // without a model (removed here, rolled back after the test) a proposal starts from full compensation
        long model = jdbc.sql("select id from allocation_model where budget_id = ?").param(base).query(Long.class).single();
        for (String table : List.of("allocation_targeted", "allocation_standard_cost", "allocation_committee", "allocation_population",
                "allocation_age_group", "allocation_pkv")) {
            jdbc.sql("delete from " + table + " where model_id = ?").param(model).update();
        }
        jdbc.sql("delete from allocation_model where id = ?").param(model).update();
        mvc.perform(get("/forslag/nytt").with(as("partiV")).param("budget", String.valueOf(base)).param("parti", String.valueOf(unit("V"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"pkvShare\" type=\"text\" inputmode=\"decimal\" value=\"100\"")));
    }

    @Test
    void badInputIsRefusedAndNothingWritten() {
        SignedIn.as(users, "partiV");
        long base = budget("Budget 2025–2027 (illustrativ grund)");
        long before = jdbc.sql("select count(*) from proposal_version").query(Long.class).single();
        Map<Integer, Long> taxBase = Map.of(2025, 1L, 2026, 1L, 2027, 1L);
        assertThatThrownBy(() -> proposals.create(draft(base, unit("V"), 0, Map.of(),
                List.of(new Proposal.FrameChange(unit("TN"), 2025, 1_000L, true, null)))))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.Problem::messageKey).containsExactly("proposals.error.committee"));
        assertThatThrownBy(() -> proposals.create(draft(base, unit("V"), 0, Map.of(),
                List.of(new Proposal.FrameChange(unit("VON"), 2030, 1_000L, true, null)))))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.Problem::messageKey).containsExactly("proposals.error.year"));
        assertThatThrownBy(() -> proposals.create(draft(base, unit("V"), 10, Map.of(2025, -1L, 2026, 1L, 2027, 1L), List.of())))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.Problem::messageKey).containsExactly("proposals.error.taxBaseNegative"));
        assertThatThrownBy(() -> proposals.create(draft(base, unit("S"), 0, taxBase, List.of())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from proposal_version").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theEditorRefusesHalfOreAndNegativeTaxBaseInSwedish() throws Exception {
        long base = budget("Budget 2025–2027 (illustrativ grund)");
        long before = jdbc.sql("select count(*) from proposal_version").query(Long.class).single();
        mvc.perform(post("/forslag").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", String.valueOf(unit("V")))
                        .param("title", "Halva ören").param("taxChangeOre", "12,5").param("taxBase2025", "−5")
                        .param("pkvShare", "100").param("volumeShare", "100")
                        .param("change0.unit", String.valueOf(unit("TN"))).param("change0.year", "2025").param("change0.amount", "1 000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("helt antal öre")))
                .andExpect(content().string(containsString("kan inte vara negativt")))
                .andExpect(content().string(containsString("Tekniska nämnden har ingen ram i grundbudgeten")));
        assertThat(jdbc.sql("select count(*) from proposal_version").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void draftsAreSeenOnlyByTheirPartyGroupAndPublishingFreezes() throws Exception {
        SignedIn.as(users, "partiS");
        long base = budget("Budget 2020–2022 (illustrativ grund)");
        Map<Integer, Long> taxBase = Map.of(2020, 9_985_000_000L, 2021, 10_324_000_000L, 2022, 10_754_000_000L);
        long id = proposals.create(draft(base, unit("S"), 20, taxBase, List.of(new Proposal.FrameChange(unit("VON"), 2021, 2_000_000L, true, "Mer"))));
        assertThat(proposals.visible()).extracting(Proposal::id).contains(id);

        SignedIn.as(users, "partiV");
        assertThat(proposals.visible()).extracting(Proposal::id).doesNotContain(id);
        assertThatThrownBy(() -> proposals.proposal(id)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/forslag/" + id).with(as("partiV"))).andExpect(status().isNotFound());
        mvc.perform(get("/forslag/" + id).with(as("politiker"))).andExpect(status().isNotFound());
        SecurityContextHolder.clearContext();
        mvc.perform(get("/publicerat/forslag/" + id).with(anonymous())).andExpect(status().isNotFound());

        SignedIn.as(users, "partiS");
        proposals.publish(id, 0);
        String snapshot = jdbc.sql("select snapshot from proposal_version where id = ?").param(id).query(String.class).single();
        SecurityContextHolder.clearContext();
        assertThat(snapshot).contains("\"taxChangeOre\":20");
        mvc.perform(get("/publicerat/forslag/" + id).with(anonymous())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Utkast")))
                .andExpect(content().string(not(containsString("Logga ut"))));
        mvc.perform(get("/api/v1/public/proposals/" + id).with(anonymous())).andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal.taxChangeOre").value(20))
                .andExpect(jsonPath("$.result.yearResults[0].taxChange").value(19_970_000));
        mvc.perform(get("/api/v1/public/proposals").with(anonymous())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].party").value("Socialdemokraternas fullmäktigegrupp"))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(50));
        mvc.perform(get("/api/v1/public/proposals").param("size", "1000").with(anonymous())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size[0]").value("Ange antal per sida som ett heltal från 1 till 500."));

        // Editing the published version starts version 2 as a draft; version 1 stays byte for byte.
        SignedIn.as(users, "partiS");
        Proposal published = proposals.proposal(id);
        long next = proposals.save(id, published.version(), draft(base, unit("S"), 25, taxBase, List.of()));
        assertThat(next).isNotEqualTo(id);
        assertThat(proposals.proposal(next).versionNo()).isEqualTo(2);
        assertThat(proposals.proposal(next).published()).isFalse();
        assertThat(jdbc.sql("select snapshot from proposal_version where id = ?").param(id).query(String.class).single()).isEqualTo(snapshot);
        assertThat(proposals.proposal(id).taxChangeOre()).isEqualTo(20);
        assertThatThrownBy(() -> proposals.publish(id, published.version())).isInstanceOf(ValidationException.class);
    }

    @Test
    void aStaleSaveIsAConflictAndOwnDraftsCanBeCompared() throws Exception {
        SignedIn.as(users, "partiV");
        long base = budget("Budget 2025–2027 (illustrativ grund)");
        Map<Integer, Long> taxBase = Map.of(2025, 9_985_000_000L, 2026, 10_324_000_000L, 2027, 10_754_000_000L);
        long id = proposals.create(draft(base, unit("V"), 30, taxBase, List.of()));
        proposals.save(id, 0, draft(base, unit("V"), 31, taxBase, List.of()));
        assertThatThrownBy(() -> proposals.save(id, 0, draft(base, unit("V"), 32, taxBase, List.of())))
                .isInstanceOf(se.styr.platform.ConflictException.class);
        mvc.perform(post("/forslag/" + id).with(as("partiV")).with(csrf()).param("version", "0").param("title", "Gammal")
                        .param("taxChangeOre", "33").param("pkvShare", "100").param("volumeShare", "100")
                        .param("taxBase2025", "1").param("taxBase2026", "1").param("taxBase2027", "1"))
                .andExpect(status().isConflict());
        SignedIn.as(users, "partiV");
        assertThat(proposals.proposal(id).taxChangeOre()).isEqualTo(31);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'PROPOSAL' and object_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2);

        ProposalComparison own = comparisons.compare(base, List.of(id));
        assertThat(own.proposals()).singleElement().satisfies(v -> assertThat(v.result().taxRate()).isEqualByComparingTo("21.67"));
        SignedIn.as(users, "partiS");
        assertThatThrownBy(() -> comparisons.compare(base, List.of(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void thePagesTheComparisonAndItsPdf() throws Exception {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        long base = v.budgetId();
        mvc.perform(get("/forslag").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vänsterpartiets budgetförslag 2025")));
        mvc.perform(get("/forslag/" + v.id()).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tekniska nämnden")))
                .andExpect(content().string(containsString("Balanskravet")))
                .andExpect(content().string(containsString("2028: 50’000")))
                .andExpect(content().string(containsString("https://www.kolada.se/verktyg/fri-sokning/?kpis=N04123")))
                .andExpect(content().string(not(containsString("name=\"taxChangeOre\""))));
        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("budget", String.valueOf(base)).param("id", String.valueOf(v.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("21,66")))
                .andExpect(content().string(containsString("Ej uppfyllt")));
        byte[] pdf = mvc.perform(get("/forslag/jamfor.pdf").with(as("politiker")).param("budget", String.valueOf(base))
                        .param("id", String.valueOf(v.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Vänsterpartiets fullmäktigegrupp").contains("21,66").contains("Tekniska nämnden");
        }
    }

    @Test
    void textsTooLongForTheTablesAndFiguresOutOfRangeAreSwedishMessagesNotServerErrors() throws Exception {
        long base = budget("Budget 2025–2027 (illustrativ grund)");
        long before = jdbc.sql("select count(*) from proposal_version").query(Long.class).single();
        mvc.perform(post("/forslag").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", String.valueOf(unit("V")))
                        .param("title", "R".repeat(301)).param("summary", "S".repeat(4001))
                        .param("resultTarget", "1 000 000").param("pkvShare", "100").param("volumeShare", "100")
                        .param("change0.unit", String.valueOf(unit("VON"))).param("change0.year", "2025").param("change0.amount", "1 000")
                        .param("change0.motivation", "M".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Titeln får vara högst 300 tecken.")))
                .andExpect(content().string(containsString("Texten får vara högst 4\u00a0000 tecken.")))
                .andExpect(content().string(containsString("Texten får vara högst 2\u00a0000 tecken.")))
                .andExpect(content().string(containsString("Ange ett resultatmål mellan −100 och 100 %.")));
        // a tax change whose revenue would not fit in whole kronor is refused before it is computed
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", String.valueOf(unit("V")))
                        .param("title", "Prov").param("taxChangeOre", "2000000000").param("taxBase2025", "9 000 000 000 000 000")
                        .param("taxBase2026", "1").param("taxBase2027", "1").param("pkvShare", "100").param("volumeShare", "100"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("högst 10 000 öre")));
        // a tax base field with a year no int holds is not one of the form's fields
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", String.valueOf(unit("V")))
                        .param("title", "Prov").param("taxBase99999999999", "1").param("pkvShare", "100").param("volumeShare", "100"))
                .andExpect(status().isOk());
        // a form without its base or party group is a 400 with a message, not "Budgeten null finns inte"
        mvc.perform(post("/forslag").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", "V").param("title", "Prov"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Formuläret saknar grundbudget eller partigrupp")));
        assertThat(jdbc.sql("select count(*) from proposal_version").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anotherMunicipalitysPartyGroupBudgetAndProposalsAreNotFoundOrRefused() throws Exception {
        long base = budget("Budget 2025–2027 (illustrativ grund)");
        long other = key("insert into municipality (name, kolada_id) values ('Annan kommun', '9999')");
        long otherParty = key("insert into org_unit (municipality_id, type, name, code, position) values (?, 'PARTIGRUPP', 'Annans partigrupp', 'AP', 1)", other);
        long otherPeriod = key("insert into plan_period (municipality_id, name, first_year, last_year) values (?, 'Budget 2025–2027', 2025, 2027)", other);
        long otherBudget = key("insert into budget (municipality_id, period_id, version_no, state) values (?, ?, 1, 'UTKAST')", other, otherPeriod);
        long otherProposal = key("insert into proposal (municipality_id, budget_id, party_unit_id) values (?, ?, ?)", other, otherBudget, otherParty);
        long otherVersion = key("insert into proposal_version (proposal_id, version_no, state, title, pkv_share, volume_share) "
                + "values (?, 1, 'PUBLICERAD', 'Annans förslag', 100, 100)", otherProposal);
        String own = String.valueOf(unit("V"));

        mvc.perform(get("/forslag/nytt").with(as("admin")).param("budget", String.valueOf(base)).param("parti", String.valueOf(otherParty)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/forslag/nytt").with(as("partiV")).param("budget", String.valueOf(base)).param("parti", String.valueOf(unit("VON"))))
                .andExpect(status().isNotFound());
        // another party group's new proposal is shown without the editor
        mvc.perform(get("/forslag/nytt").with(as("partiV")).param("budget", String.valueOf(base)).param("parti", String.valueOf(unit("S"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("name=\"title\""))));
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", String.valueOf(otherParty)).param("title", "Prov")
                        .param("pkvShare", "100").param("volumeShare", "100"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Förslaget måste höra till en partigrupp.")))
                .andExpect(content().string(not(containsString("Annans partigrupp"))));
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", own).param("title", "Prov")
                        .param("pkvShare", "100").param("volumeShare", "100")
                        .param("change0.unit", String.valueOf(otherParty)).param("change0.year", "2025").param("change0.amount", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("Annans partigrupp"))));
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(otherBudget)).param("partyUnitId", own).param("title", "Prov")
                        .param("pkvShare", "100").param("volumeShare", "100"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", own).param("title", "Prov")
                        .param("pkvShare", "100").param("volumeShare", "100").param("jamfor", String.valueOf(otherVersion)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("id", String.valueOf(otherVersion))).andExpect(status().isNotFound());
        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("budget", String.valueOf(otherBudget))).andExpect(status().isNotFound());
        mvc.perform(get("/forslag/" + otherVersion).with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/proposals/" + otherVersion).with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("id", "x")).andExpect(status().isBadRequest());
    }

    long key(String sql, Object... params) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    @Test
    void theEditorsPreviewRecomputesWithoutSaving() throws Exception {
        long base = budget("Budget 2025–2027 (illustrativ grund)");
        long before = jdbc.sql("select count(*) from proposal_version").query(Long.class).single();
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", String.valueOf(unit("V")))
                        .param("title", "Prov").param("taxChangeOre", "10").param("resultTarget", "2")
                        .param("taxBase2025", "10 000 000").param("taxBase2026", "10 000 000").param("taxBase2027", "10 000 000")
                        .param("pkvShare", "100").param("volumeShare", "100"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("10" + "\u00a0" + "000")))
                .andExpect(content().string(containsString("21,46")));
        assertThat(jdbc.sql("select count(*) from proposal_version").query(Long.class).single()).isEqualTo(before);
        // a form without its party group is refused with a message, not a server error
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(base)).param("partyUnitId", "").param("title", "Prov"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Formuläret saknar grundbudget eller partigrupp")));
    }

    @Test
    void thePreviewComparesTheTypedProposalWithTheBaseAndTheChosenProposals() throws Exception {
        SignedIn.as(users, "partiV");
        Proposal published = byTitle("Vänsterpartiets budgetförslag 2025");
        long von = unit("VON");
        ProposalComparison c = comparisons.compareTyped(new Proposal(0, 0, published.municipalityId(), published.budgetId(),
                unit("V"), null, 0, ProposalState.UTKAST, "Prov", null, 20, Map.of(2025, 10_000_000_000L, 2026, 10_000_000_000L,
                2027, 10_000_000_000L), null, new BigDecimal("100"), new BigDecimal("100"),
                List.of(new Proposal.FrameChange(von, 2026, 7_000_000, true, null)), List.of(), null, null, 0), List.of(published.id()));
        assertThat(c.typedFirst()).isTrue();
        assertThat(c.proposals()).extracting(v -> v.proposal().title()).containsExactly("Prov", published.title());
        assertThat(c.proposals().get(0).proposal().partyName()).isEqualTo("Vänsterpartiets fullmäktigegrupp");
        ProposalCalculator.Result typed = c.proposals().get(0).result();
        // 20 öre on 10 000 000 tkr is 20 000 tkr; the tax rate 21,36 + 0,20
        assertThat(typed.taxRate()).isEqualByComparingTo("21.56");
        assertThat(typed.year(2025).taxes() - c.baseResult().year(2025).taxes()).isEqualTo(20_000_000);
        // a permanent 7 000 tkr to VON from 2026 on: nothing in 2025, 7 000 tkr in 2026 and 2027 beyond what PKV/volume give
        ProposalCalculator.Committee vonTyped = typed.committees().stream().filter(k -> k.orgUnitId() == von).findFirst().orElseThrow();
        assertThat(vonTyped.cell(2025).changes()).isZero();
        assertThat(vonTyped.cell(2026).changes()).isEqualTo(7_000_000);
        assertThat(vonTyped.cell(2027).changes()).isEqualTo(7_000_000);
        assertThat(vonTyped.cell(2026).frame()).isEqualTo(c.baseResult().committees().stream().filter(k -> k.orgUnitId() == von)
                .findFirst().orElseThrow().cell(2026).frame() + vonTyped.cell(2026).difference());

        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf())
                        .param("budgetId", String.valueOf(published.budgetId())).param("partyUnitId", String.valueOf(unit("V")))
                        .param("title", "Prov").param("taxChangeOre", "20")
                        .param("taxBase2025", "10 000 000").param("taxBase2026", "10 000 000").param("taxBase2027", "10 000 000")
                        .param("pkvShare", "100").param("volumeShare", "100").param("jamfor", String.valueOf(published.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Jämförelse med grundbudgeten")))
                .andExpect(content().string(containsString("Prov (ej sparat)")))
                .andExpect(content().string(containsString(published.title() + ", version 1")))
                .andExpect(content().string(containsString("21,56")))
                .andExpect(content().string(containsString("21,66")));
    }

    @Test
    void theComparisonPageUpdatesItselfAsTheChoiceChanges() throws Exception {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("budget", String.valueOf(v.budgetId()))
                        .param("id", String.valueOf(v.id())).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-trigger=\"change\"")))
                .andExpect(content().string(containsString("Ett förslag på en grundbudget visas")))
                .andExpect(content().string(containsString("Vänsterpartiets budgetförslag 2026–2028, version 1 – skillnad")))
                .andExpect(content().string(containsString("Kontroller sida vid sida")));
    }

    @Test
    void theResultBudgetIsTheBasesWithTheProposalsChangesAndAddsUp() throws Exception {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        ProposalService.View view = proposals.compute(v);
        Map<se.styr.economy.StatementLine, Map<Integer, Long>> lines = new java.util.EnumMap<>(se.styr.economy.StatementLine.class);
        view.resultBudget().forEach(l -> lines.put(l.line(), l.amounts()));
        ProposalComparison base = comparisons.compare(v.budgetId(), List.of());
        for (int year : List.of(2026, 2027, 2028)) {
            ProposalCalculator.Year y = view.result().year(year);
            long taxes = lines.get(se.styr.economy.StatementLine.SKATTEINTAKTER).get(year);
            long netCost = lines.get(se.styr.economy.StatementLine.VERKSAMHETENS_NETTOKOSTNADER).get(year);
            long grants = lines.get(se.styr.economy.StatementLine.GENERELLA_STATSBIDRAG).get(year);
            long financial = lines.get(se.styr.economy.StatementLine.FINANSIELLA_INTAKTER).get(year)
                    + lines.get(se.styr.economy.StatementLine.FINANSIELLA_KOSTNADER).get(year);
            // the base's taxes plus the tax change; the base's net cost less the frame changes
            assertThat(taxes).isEqualTo(base.baseResult().year(year).taxes() + y.taxChange());
            assertThat(lines.get(se.styr.economy.StatementLine.VERKSAMHETENS_RESULTAT).get(year)).isEqualTo(netCost + taxes + grants);
            assertThat(lines.get(se.styr.economy.StatementLine.ARETS_RESULTAT).get(year)).isEqualTo(netCost + taxes + grants + financial)
                    .isEqualTo(y.result());
        }
        mvc.perform(get("/forslag/" + v.id()).with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Resultatbudget med förslagets ändringar (tkr)")))
                .andExpect(content().string(containsString("Resultat efter finansiella poster")));
    }

    @Test
    void resultsOnAnIllustrativeBaseSaySoWhereverTheyAreShown() throws Exception {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        String note = "Budget 2026–2028 (illustrativ grund), version 1 är en illustrativ grundbudget";
        assertThat(proposals.view(v).illustrativeBase()).isTrue();
        mvc.perform(get("/publicerat/forslag/" + v.id()).with(anonymous())).andExpect(status().isOk())
                .andExpect(content().string(containsString(note)));
        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("id", String.valueOf(v.id())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(note)));
        // the municipality's real budget is no illustration
        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("budget", String.valueOf(budget("Budget 2022–2024"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("är en illustrativ grundbudget"))));
    }

    @Test
    void theSignedInApiGivesWhatTheUserMaySeeComputedAndCompared() throws Exception {
        SignedIn.as(users, "partiS");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        long draft = proposals.create(new Proposal(0, 0, v.municipalityId(), v.budgetId(), unit("S"), null, 1, ProposalState.UTKAST,
                "S utkast", null, 0, Map.of(), null, new BigDecimal("50"), new BigDecimal("100"),
                List.of(new Proposal.FrameChange(unit("VON"), 2026, 1_000_000, false, null)), List.of(), null, null, 0));
        mvc.perform(get("/api/v1/proposals").with(as("partiS"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.title == 'S utkast')].state").value(org.hamcrest.Matchers.contains("UTKAST")));
        mvc.perform(get("/api/v1/proposals/" + draft).with(as("partiS"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.result.yearResults[0].frameChange").value(1_000_000))
                .andExpect(jsonPath("$.illustrativeBase").value(true));
        // another party's draft does not exist for V, and the comparison refuses it the same way
        mvc.perform(get("/api/v1/proposals/" + draft).with(as("partiV"))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/proposals/jamforelse").with(as("partiV")).param("id", String.valueOf(draft)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/proposals/jamforelse").with(as("partiS")).param("id", String.valueOf(draft), String.valueOf(v.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].proposals.length()").value(2))
                .andExpect(jsonPath("$[0].baseResult.yearResults[0].year").value(2026));
        mvc.perform(get("/api/v1/proposals").with(anonymous())).andExpect(status().isUnauthorized());
    }

    @Test
    void proposalsOnDifferentBasesAreComparedEachWithItsOwnBase() throws Exception {
        SignedIn.as(users, "politiker");
        Proposal s = byTitle("Socialdemokraternas budgetförslag 2020–2022");
        Proposal v25 = byTitle("Vänsterpartiets budgetförslag 2025");
        Proposal v26 = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        List<ProposalComparison> all = comparisons.compareAll(null, List.of(v26.id(), s.id(), v25.id()));
        // one comparison per base, each with only its own proposals
        assertThat(all).extracting(c -> c.base().id()).containsExactlyInAnyOrder(s.budgetId(), v25.budgetId(), v26.budgetId());
        for (ProposalComparison c : all) {
            assertThat(c.proposals()).allSatisfy(v -> assertThat(v.proposal().budgetId()).isEqualTo(c.base().id()));
            assertThat(c.proposals()).hasSize(1);
        }
        assertThat(all.stream().filter(c -> c.base().id() == s.budgetId()).findFirst().orElseThrow().baseResult().years())
                .containsExactly(2020, 2021, 2022);
        // nothing chosen: the first base alone; a base asked for is shown even without proposals
        assertThat(comparisons.compareAll(null, List.of())).hasSize(1).allSatisfy(c -> assertThat(c.proposals()).isEmpty());
        assertThat(comparisons.compareAll(s.budgetId(), List.of(v25.id()))).extracting(c -> c.base().id())
                .containsExactlyInAnyOrder(s.budgetId(), v25.budgetId());
        assertThatThrownBy(() -> comparisons.compareAll(999_999L, List.of())).isInstanceOf(NotFoundException.class);

        mvc.perform(get("/forslag/jamfor").with(as("politiker")).param("id", String.valueOf(s.id()), String.valueOf(v26.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 förslag på 2 grundbudgetar visas")))
                .andExpect(content().string(containsString("Förslag på Budget 2020–2022 (illustrativ grund), version 1")));
        byte[] pdf = mvc.perform(get("/forslag/jamfor.pdf").with(as("politiker")).param("id", String.valueOf(s.id()), String.valueOf(v26.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").replace("– ", "–")).contains("Socialdemokraternas budgetförslag 2020–2022",
                    "Vänsterpartiets budgetförslag 2026–2028", "Budget 2020–2022 (illustrativ grund)");
        }
    }

    @Test
    void theComparisonPutsEveryCheckSideBySide() {
        SignedIn.as(users, "politiker");
        Proposal v = byTitle("Vänsterpartiets budgetförslag 2026–2028");
        ProposalComparison c = comparisons.compare(v.budgetId(), List.of(v.id()));
        List<ProposalComparison.CheckRow> rows = c.checkRows();
        ProposalCalculator.Result proposal = c.proposals().get(0).result();
        // every check of the proposal appears once, in its column; the base has each except the party's result target
        assertThat(rows).hasSize(proposal.checks().size());
        assertThat(rows).allSatisfy(r -> assertThat(r.cells()).hasSize(2));
        assertThat(rows).filteredOn(r -> r.kind() == ProposalCalculator.CheckKind.RESULTATMAL)
                .extracting(ProposalComparison.CheckRow::year).containsExactly(2026, 2027, 2028);
        assertThat(rows).filteredOn(r -> r.kind() == ProposalCalculator.CheckKind.RESULTATMAL)
                .allSatisfy(r -> assertThat(r.cells().get(0)).isNull());
        assertThat(rows.get(0).kind()).isEqualTo(ProposalCalculator.CheckKind.BALANSKRAV);
        for (ProposalComparison.CheckRow row : rows) {
            if (row.kind() == ProposalCalculator.CheckKind.BALANSKRAV) {
                assertThat(row.cells().get(0).value().longValueExact()).isEqualTo(c.baseResult().year(row.year()).result());
                assertThat(row.cells().get(1).value().longValueExact()).isEqualTo(proposal.year(row.year()).result());
            }
        }
        assertThat(rows).filteredOn(r -> r.kind() == ProposalCalculator.CheckKind.FINANSIELLT_MAL)
                .allSatisfy(r -> assertThat(r.cells()).doesNotContainNull());
    }
}
