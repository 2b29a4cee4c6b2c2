package se.styr.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.styr.followup.Round;
import se.styr.followup.RoundContributions;
import se.styr.followup.RoundType;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.UnitTree;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;

/**
 * The actions in the follow-up rounds: the units they are shared to get a task for them, the task lists them, and the
 * interim and annual reports get their section <em>Uppföljning av omedelbara åtgärder</em> (every immediate action of
 * the committee's year with what the units reported in the round) and one per action plan with measures in the round
 * (effects expected and reached, summed in tkr). A fixed number of queries per call, whatever the number of actions.
 */
@Component
class ActionRoundItems implements RoundContributions {

    private final ActionRepository repository;
    private final UnitTree tree;
    private final Messages messages;
    private final SwedishFormat sv;

    ActionRoundItems(ActionRepository repository, UnitTree tree, Messages messages, SwedishFormat sv) {
        this.repository = repository;
        this.tree = tree;
        this.messages = messages;
        this.sv = sv;
    }

    @Override
    public Set<Long> unitsToReport(long roundId) {
        return repository.sharesInRound(roundId).stream().map(ActionRepository.Share::unitId).collect(Collectors.toSet());
    }

    @Override
    public List<Item> items(long roundId, long unitId) {
        Set<Long> ids = repository.sharesInRound(roundId).stream().filter(s -> s.unitId() == unitId)
                .map(ActionRepository.Share::actionId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ActionReport> reports = new HashMap<>();
        repository.reportsInRound(roundId).stream().filter(r -> r.unitId() == unitId).forEach(r -> reports.put(r.actionId(), r));
        long municipalityId = tree.byIds(List.of(unitId)).get(unitId).municipalityId();
        return repository.byIds(municipalityId, ids).stream().map(a -> {
            ActionReport r = reports.get(a.id());
            return new Item(a.what(), messages.text(a.immediate() ? "actions.kind.omedelbar" : "actions.kind.atgard"),
                    r == null ? null : messages.text("quality.actionStatus." + r.status()),
                    "/kvalitet/atgarder/" + a.id() + "/uppfoljning/" + roundId + "/enhet/" + unitId, r != null && r.comment() != null);
        }).toList();
    }

    @Override
    public List<Section> sections(Round round) {
        if (round.type() != RoundType.DELARSBOKSLUT && round.type() != RoundType.ARSBOKSLUT) {
            return List.of();
        }
        List<QualityAction> immediate = repository.immediate(round.municipalityId(), round.bodyUnitId(), round.year());
        List<ActionRepository.Share> shares = repository.sharesInRound(round.id());
        List<ActionReport> reports = repository.reportsInRound(round.id());
        Set<Long> known = immediate.stream().map(QualityAction::id).collect(Collectors.toSet());
        Set<Long> others = shares.stream().map(ActionRepository.Share::actionId).filter(id -> !known.contains(id)).collect(Collectors.toSet());
        List<QualityAction> measures = repository.byIds(round.municipalityId(), others).stream().filter(a -> !a.immediate()).toList();
        Set<Long> unitIds = new HashSet<>();
        reports.forEach(r -> unitIds.add(r.unitId()));
        shares.forEach(s -> unitIds.add(s.unitId()));
        unitIds.add(round.bodyUnitId());
        Map<Long, OrgUnit> units = tree.byIds(unitIds);
        Map<Long, List<ActionReport>> byAction = reports.stream().collect(Collectors.groupingBy(ActionReport::actionId));

        List<Section> sections = new ArrayList<>();
        String bodyName = units.get(round.bodyUnitId()).name();
        String heading = messages.text("actions.rapport.rubrik");
        if (immediate.isEmpty()) {
            sections.add(new Section(heading, List.of(messages.text("actions.rapport.inga", bodyName, String.valueOf(round.year()))), null,
                    List.of(), List.of(), List.of()));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (QualityAction a : immediate) {
                List<ActionReport> rs = byAction.getOrDefault(a.id(), List.of());
                if (rs.isEmpty()) {
                    rows.add(List.of(a.what(), text(a.why()), text(a.responsible()), text(a.timetable()), "–",
                            messages.text("quality.actionStatus." + a.status()), messages.text("actions.rapport.ejRedovisad")));
                }
                for (ActionReport r : rs) {
                    rows.add(List.of(a.what(), text(a.why()), text(a.responsible()), text(a.timetable()), units.get(r.unitId()).name(),
                            messages.text("quality.actionStatus." + r.status()), text(r.comment())));
                }
            }
            sections.add(new Section(heading, List.of(messages.text("actions.rapport.intro", bodyName, String.valueOf(round.year()), immediate.size())),
                    messages.text("actions.rapport.tabell"), columns("actions.kolumn.atgard", "actions.kolumn.varfor",
                    "actions.kolumn.ansvarig", "actions.kolumn.tidplan", "actions.kolumn.enhet", "actions.kolumn.status",
                    "actions.kolumn.redovisning"), rows, List.of()));
        }
        Map<Long, List<QualityAction>> byPlan = new LinkedHashMap<>();
        measures.forEach(m -> byPlan.computeIfAbsent(m.planId(), k -> new ArrayList<>()).add(m));
        Map<Long, ActionPlan> plans = repository.plansByIds(round.municipalityId(), byPlan.keySet()).stream()
                .collect(Collectors.toMap(ActionPlan::id, p -> p));
        for (Map.Entry<Long, List<QualityAction>> e : byPlan.entrySet()) {
            ActionPlan plan = plans.get(e.getKey());
            List<List<String>> rows = new ArrayList<>();
            long expected = 0;
            long reached = 0;
            for (QualityAction m : e.getValue()) {
                List<ActionReport> rs = byAction.getOrDefault(m.id(), List.of());
                Long reachedHere = rs.stream().map(ActionReport::reachedEffect).filter(java.util.Objects::nonNull).reduce(Long::sum).orElse(null);
                expected += m.expectedEffect() == null ? 0 : m.expectedEffect();
                reached += reachedHere == null ? 0 : reachedHere;
                rows.add(List.of(m.what(), text(m.responsible()), text(m.timetable()),
                        rs.isEmpty() ? messages.text("actions.rapport.ejRedovisad") : rs.stream()
                                .map(r -> units.get(r.unitId()).name() + ": " + messages.text("quality.actionStatus." + r.status())
                                        + (r.comment() == null ? "" : ". " + r.comment())).collect(Collectors.joining(" ")),
                        effect(m.expectedEffect()), effect(reachedHere)));
            }
            sections.add(new Section(messages.text("actions.rapport.plan", plan.title()), List.of(), messages.text("actions.rapport.planTabell"),
                    columns("actions.kolumn.atgard", "actions.kolumn.ansvarig", "actions.kolumn.tidplan", "actions.kolumn.redovisning",
                            "actions.kolumn.forvantad", "actions.kolumn.uppnadd"), rows,
                    List.of(messages.text("actions.summa"), "", "", "", sv.tkrExact(expected), sv.tkrExact(reached))));
        }
        return sections;
    }

    private List<String> columns(String... keys) {
        return java.util.Arrays.stream(keys).map(messages::text).toList();
    }

    private String effect(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor);
    }

    private static String text(String s) {
        return s == null ? "–" : s;
    }
}
