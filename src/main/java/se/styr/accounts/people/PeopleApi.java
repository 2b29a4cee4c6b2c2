package se.styr.accounts.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.accounts.Role;
import se.styr.platform.Paging;

/** People administration in the API: the same rules as the pages. */
@RestController
@Tag(name = "Personer")
class PeopleApi {

    private final People people;

    PeopleApi(People people) {
        this.people = people;
    }

    record NewPerson(String displayName, String username, String email) {
    }

    record Active(boolean active, int version) {
    }

    record NewRole(Role role, Long unitId) {
    }

    record Details(String displayName, String email, int version) {
    }

    @GetMapping("/api/v1/people")
    @Operation(summary = "Kommunens personer med roller, efter namn, en sida i taget (administratör eller controller)")
    Paging.Page<Person> search(@Parameter(description = "Del av namn, användarnamn eller e-post")
                               @RequestParam(name = "q", required = false) String query, @ParameterObject Paging paging) {
        return people.search(query, paging);
    }

    @GetMapping("/api/v1/people/{id}")
    @Operation(summary = "En person med sina roller")
    Person person(@PathVariable long id) {
        return people.person(id);
    }

    @PostMapping("/api/v1/people")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skapa en person (administratör); engångslösenordet (oneTimePassword) visas bara i detta svar")
    People.WithPassword create(@RequestBody NewPerson in) {
        return people.create(in.displayName(), in.username(), in.email());
    }

    @PutMapping("/api/v1/people/{id}")
    @Operation(summary = "Ändra en persons namn och e-postadress (administratör); version som den lästes")
    Person updateDetails(@PathVariable long id, @RequestBody Details in) {
        return people.updateDetails(id, in.version(), in.displayName(), in.email());
    }

    @PutMapping("/api/v1/people/{id}/active")
    @Operation(summary = "Inaktivera eller återaktivera en person (administratör); version som den lästes")
    Person setActive(@PathVariable long id, @RequestBody Active in) {
        return people.setActive(id, in.version(), in.active());
    }

    @PostMapping("/api/v1/people/{id}/password-reset")
    @Operation(summary = "Återställ lösenordet (administratör): ett engångslösenord som personen byter vid nästa inloggning")
    People.WithPassword resetPassword(@PathVariable long id) {
        return people.resetPassword(id);
    }

    @PostMapping("/api/v1/people/{id}/roles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ge en roll för hela kommunen (unitId utelämnas) eller en enhet med allt under den")
    Person.Grant addRole(@PathVariable long id, @RequestBody NewRole in) {
        return people.addRole(id, in.role(), in.unitId());
    }

    @DeleteMapping("/api/v1/people/{id}/roles/{roleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ta bort en roll; den sista aktiva administratören kan inte tas bort")
    void removeRole(@PathVariable long id, @PathVariable long roleId) {
        people.removeRole(id, roleId);
    }
}
