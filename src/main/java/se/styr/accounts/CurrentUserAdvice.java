package se.styr.accounts;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.styr.organisation.Organisation;

/** Puts the person and their municipality on every page, for the header. */
@ControllerAdvice
class CurrentUserAdvice {

    private final Access access;
    private final Organisation organisation;

    CurrentUserAdvice(Access access, Organisation organisation) {
        this.access = access;
        this.organisation = organisation;
    }

    @ModelAttribute
    void addUser(Model model) {
        access.findCurrent().ifPresent(user -> {
            model.addAttribute("currentUser", user);
            model.addAttribute("isAdmin", user.has(Role.ADMINISTRATOR));
            model.addAttribute("mayManagePeople", user.has(Role.ADMINISTRATOR) || user.has(Role.CONTROLLER));
            model.addAttribute("municipality", organisation.municipality(user.municipalityId()));
        });
    }
}
