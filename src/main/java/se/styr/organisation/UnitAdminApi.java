package se.styr.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.Problems;

/**
 * The organisation's administration in the API, with the rules of the pages: the right over the unit the changed unit
 * hangs under, the version as read (409 when someone else changed the unit), every problem at once in Swedish (400).
 */
@RestController
@Tag(name = "Organisation")
class UnitAdminApi {

    private final OrganisationAdmin admin;

    UnitAdminApi(OrganisationAdmin admin) {
        this.admin = admin;
    }

    /** A unit as the administration API shows it, with the version to send back with the next change. */
    record UnitResource(long id, Long parentId, OrgUnitType type, String name, String code, int position, boolean active,
                        int version) {

        static UnitResource of(OrganisationAdmin.EditableUnit e) {
            OrgUnit u = e.unit();
            return new UnitResource(u.id(), u.parentId(), u.type(), u.name(), u.code(), u.position(), u.active(), e.version());
        }
    }

    record NewUnit(@Schema(description = "Enheten den nya enheten ska ligga under") Long parentId, OrgUnitType type,
                   String name, @Schema(description = "Valfri, unik i kommunen") String code,
                   @Schema(description = "Plats bland syskonen, från 1; utelämnad: sist") Integer position) {
    }

    record UnitEdit(Integer version, OrgUnitType type, String name, String code) {
    }

    record Move(Integer version, Long parentId, Integer position) {
    }

    record Position(Integer version, Integer position) {
    }

    record Retire(Integer version, @Schema(description = "Avveckla även de aktiva enheterna under") Boolean withUnitsBelow) {
    }

    record Version(Integer version) {
    }

    @GetMapping("/api/v1/units/{id}")
    @Operation(summary = "En enhet med dess version (att skicka med vid ändring)")
    UnitResource unit(@PathVariable long id) {
        return UnitResource.of(admin.unit(id));
    }

    @GetMapping("/api/v1/units/{id}/history")
    @Operation(summary = "Enhetens historik, senaste först: skapad, namn eller kod ändrad, flyttad (från vilken överordnad), avvecklad, återaktiverad; när och av vem")
    List<UnitHistory> history(@PathVariable long id) {
        return admin.history(id);
    }

    @PostMapping("/api/v1/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skapa en enhet under en annan (administratör, eller controller under sin enhet)")
    UnitResource create(@RequestBody NewUnit in) {
        return UnitResource.of(admin.create(new OrganisationAdmin.NewUnit(in.parentId(), in.type(), in.name(), in.code(),
                in.position())));
    }

    @PutMapping("/api/v1/units/{id}")
    @Operation(summary = "Byt namn, kod eller typ; version som den lästes")
    UnitResource update(@PathVariable long id, @RequestBody UnitEdit in) {
        return UnitResource.of(admin.update(id, version(in.version()),
                new OrganisationAdmin.UnitEdit(in.type(), in.name(), in.code())));
    }

    @PostMapping("/api/v1/units/{id}/move")
    @Operation(summary = "Flytta enheten med allt under den till en annan överordnad enhet; den tidigare placeringen sparas i historiken")
    UnitResource move(@PathVariable long id, @RequestBody Move in) {
        int version = version(in.version());
        Problems.when(in.parentId() == null, "parentId", "orgadmin.validering.nyOverordnad");
        return UnitResource.of(admin.move(id, version, in.parentId(), in.position()));
    }

    @PutMapping("/api/v1/units/{id}/position")
    @Operation(summary = "Ändra enhetens plats bland syskonen (från 1; större än antalet: sist)")
    UnitResource order(@PathVariable long id, @RequestBody Position in) {
        int version = version(in.version());
        Problems.when(in.position() == null, "position", "orgadmin.validering.plats");
        return UnitResource.of(admin.order(id, version, in.position()));
    }

    @PostMapping("/api/v1/units/{id}/retire")
    @Operation(summary = "Avveckla enheten; nekas om aktiva enheter ligger under den (utom med withUnitsBelow), om den har "
            + "uppföljningsuppgifter som inte är godkända i en öppen uppföljning eller äger aktiva objekt i styrkedjan")
    UnitResource retire(@PathVariable long id, @RequestBody Retire in) {
        return UnitResource.of(admin.retire(id, version(in.version()), Boolean.TRUE.equals(in.withUnitsBelow())));
    }

    @PostMapping("/api/v1/units/{id}/reactivate")
    @Operation(summary = "Återaktivera en avvecklad enhet (dess överordnade enhet måste vara aktiv)")
    UnitResource reactivate(@PathVariable long id, @RequestBody Version in) {
        return UnitResource.of(admin.reactivate(id, version(in.version())));
    }

    /** The API always sends the version it read; only a caller inside one transaction may leave it out. */
    private static int version(Integer version) {
        Problems.when(version == null, "version", "validering.version");
        return version;
    }
}
