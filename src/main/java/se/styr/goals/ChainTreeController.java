package se.styr.goals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.styr.accounts.Access;
import se.styr.platform.Paging;

/**
 * The goal chain as a tree that opens on demand: the whole municipality shows KF's focus areas, a body its first
 * levels; a node's children are fetched when it is opened (htmx swaps the node), and without JavaScript the same
 * button opens the node's branch as a page of its own. The search finds objects by title words or Kolada id.
 */
@Controller
class ChainTreeController {

    static final int HITS_PER_PAGE = 20;

    private final ChainReader chain;
    private final Access access;

    ChainTreeController(ChainReader chain, Access access) {
        this.chain = chain;
        this.access = access;
    }

    @GetMapping("/styrkedja")
    String tree(@RequestParam(name = "organ", required = false) Long body,
                @RequestParam(name = "period", required = false) Long period,
                @RequestParam(name = "avvecklade", defaultValue = "false") boolean retired, Model model) {
        ChainReader.Context c = chain.context();
        Long shown = period != null && c.periods().containsKey(period) ? period : chain.defaultPeriod(c);
        model.addAttribute("nodes", chain.top(c, chain.scope(c, body, retired).in(shown)));
        model.addAttribute("periods", chain.realPeriods(c));
        model.addAttribute("selectedPeriod", shown);
        filters(model, c, body, retired);
        model.addAttribute("mayCreateKf", access.may(Access.Action.EDIT_STRUCTURE, c.top()));
        java.util.Set<Long> planners = access.unitsWhere(Access.Action.EDIT_STRUCTURE);
        model.addAttribute("mayPlanNextYear", planners == null || !planners.isEmpty());
        model.addAttribute("mayCreate", body != null && access.may(Access.Action.EDIT_STRUCTURE, body));
        return "goals/tree";
    }

    /** A node's branch as a page: what the open button does without JavaScript. */
    @GetMapping("/styrkedja/objekt/{id}")
    String branch(@PathVariable long id, @RequestParam(name = "organ", required = false) Long body,
                  @RequestParam(name = "avvecklade", defaultValue = "false") boolean retired, Model model) {
        ChainReader.Context c = chain.context();
        GoalObject o = chain.object(id);
        model.addAttribute("node", chain.node(c, chain.scope(c, body, retired), o, true));
        model.addAttribute("ancestors", chain.ancestors(id));
        filters(model, c, body, retired);
        return "goals/branch";
    }

    /** The node, open or closed, for htmx to swap in place of the one shown. */
    @GetMapping("/styrkedja/objekt/{id}/nod")
    String node(@PathVariable long id, @RequestParam(name = "organ", required = false) Long body,
                @RequestParam(name = "avvecklade", defaultValue = "false") boolean retired,
                @RequestParam(name = "oppen", defaultValue = "true") boolean open, Model model) {
        ChainReader.Context c = chain.context();
        model.addAttribute("node", chain.node(c, chain.scope(c, body, retired), chain.object(id), open));
        model.addAttribute("selectedBody", body);
        model.addAttribute("showRetired", retired);
        return "goals/nodes :: item";
    }

    @GetMapping("/styrkedja/sok")
    String search(@RequestParam(name = "q", required = false) String query,
                  @RequestParam(name = "organ", required = false) Long body,
                  @RequestParam(name = "avvecklade", defaultValue = "false") boolean retired,
                  @RequestParam(name = "sida", defaultValue = "1") String page, Model model) {
        ChainReader.Context c = chain.context();
        Paging paging = new Paging(se.styr.platform.SearchWords.pageNumber(page), HITS_PER_PAGE);
        model.addAttribute("result", chain.search(c, query, body, retired, paging));
        model.addAttribute("query", query == null ? "" : query.strip());
        filters(model, c, body, retired);
        return "goals/search";
    }

    private void filters(Model model, ChainReader.Context c, Long body, boolean retired) {
        model.addAttribute("bodies", chain.bodies(c));
        model.addAttribute("selectedBody", body);
        model.addAttribute("showRetired", retired);
    }

}
