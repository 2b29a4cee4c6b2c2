package se.styr.meetings;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What is public, without login (Kommunallagen 8 kap. 12 § for the notice board): the page lists the public pages and
 * their open JSON; each list reads only what is decided, approved or published. A page of links, reading nothing.
 */
@Controller
class PublicIndex {

    @GetMapping({"/publicerat", "/publicerat/"})
    String index() {
        return "meetings/public-index";
    }
}
