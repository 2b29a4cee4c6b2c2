package se.styr.kolada;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.styr.goals.GoalObject;
import se.styr.goals.Signal;
import se.styr.goals.SignalRules;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;

/**
 * The guidelines' rules ("Anvisningar bedömning", seed 004) as the goal chain's and the follow-up's signal
 * ({@link SignalRules}): a figure whose Kolada section chose a rule other than Styr's is judged by it in the chain's
 * headline, the goal state derived from it, the object page's years and a round's report. A whole page costs at most
 * three queries: the rules of its figures, Riket's values of their KPIs and the comparison group's means.
 */
@Component
class GuidelineSignals implements SignalRules {

    private final KoladaStore store;
    private final Messages messages;
    private final SwedishFormat sv;

    GuidelineSignals(KoladaStore store, Messages messages, SwedishFormat sv) {
        this.store = store;
        this.messages = messages;
        this.sv = sv;
    }

    @Override
    public Map<Case, Judged> judge(Collection<Case> cases) {
        Map<Case, Judged> result = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        cases.forEach(c -> ids.add(c.measure().id()));
        Map<Long, KoladaStore.ChosenRule> rules = store.chosenRules(ids);
        if (rules.isEmpty()) {
            return result;
        }
        Set<String> riketKpis = new HashSet<>();
        Map<Long, Set<String>> groupKpis = new HashMap<>();
        for (Case c : cases) {
            KoladaStore.ChosenRule r = rules.get(c.measure().id());
            String kpi = c.measure().koladaId();
            if (r == null || kpi == null) {
                continue;
            }
            if (GuidelineRule.RIKET.name().equals(r.rule())) {
                riketKpis.add(kpi);
            } else if (GuidelineRule.GRUPP.name().equals(r.rule())) {
                groupKpis.computeIfAbsent(c.measure().municipalityId(), k -> new HashSet<>()).add(kpi);
            }
        }
        Map<String, BigDecimal> riket = new HashMap<>();
        store.values(riketKpis, List.of(KoladaImports.RIKET)).stream().filter(v -> v.sex() == 'T')
                .forEach(v -> riket.put(v.kpi() + ":" + v.year(), v.value()));
        Map<String, BigDecimal> group = new HashMap<>();
        groupKpis.forEach((m, kpis) -> store.firstGroupMeans(m, kpis)
                .forEach(v -> group.put(m + ":" + v.kpi() + ":" + v.year(), v.value())));
        for (Case c : cases) {
            KoladaStore.ChosenRule r = rules.get(c.measure().id());
            GuidelineRule rule = r == null ? null : GuidelineRule.valueOf(r.rule());
            String kpi = c.measure().koladaId();
            // Riket and the group need the Kolada link: a figure unlinked since keeps Styr's signal
            if (rule != null && (kpi != null || !rule.needsKolada())) {
                BigDecimal reference = switch (rule) {
                    case RIKET -> riket.get(kpi + ":" + c.year());
                    case GRUPP -> group.get(c.measure().municipalityId() + ":" + kpi + ":" + c.year());
                    default -> null;
                };
                result.put(c, judged(rule, r.smallUnit(), c, reference));
            }
        }
        return result;
    }

    /** One case by its rule, with the sentence the object page shows. */
    Judged judged(GuidelineRule rule, boolean smallUnit, Case c, BigDecimal reference) {
        GoalObject o = c.measure();
        Signal signal = switch (rule) {
            case RIKET, GRUPP -> GuidelineRule.againstAverage(o.direction(), c.outcome(), reference);
            case ANDEL_AV_MAL -> GuidelineRule.shareOfTarget(o.direction(), c.outcome(), c.target());
            case ANTAL -> GuidelineRule.count(c.outcome(), smallUnit);
            case STYR -> throw new IllegalArgumentException("Styrs regel ger ingen egen signal");
        };
        String year = Integer.toString(c.year());
        String outcome = sv.number(c.outcome());
        String how = switch (rule) {
            case RIKET, GRUPP -> reference == null
                    ? messages.text("kolada.judged." + rule.name() + ".missing", year, outcome)
                    : messages.text("kolada.judged." + rule.name(), year, outcome, sv.number(reference));
            case ANDEL_AV_MAL -> {
                BigDecimal share = GuidelineRule.share(o.direction(), c.outcome(), c.target());
                yield share == null ? messages.text("kolada.judged.ANDEL_AV_MAL.missing", year, outcome)
                        : messages.text("kolada.judged.ANDEL_AV_MAL", year, outcome, sv.number(c.target()), sv.number(share, 0));
            }
            default -> messages.text("kolada.judged.ANTAL", year, outcome,
                    messages.text(smallUnit ? "kolada.judged.small" : "kolada.judged.large"));
        };
        return new Judged(signal, messages.text("kolada.rule." + rule.name()),
                how + " " + messages.text("kolada.rule." + rule.name() + ".explained"));
    }
}
