package se.styr.goals;

import java.time.LocalDate;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;

/** What the edit form posts; numbers and dates arrive as text so a typo gets a Swedish message, not a 400. */
public class GoalForm {

    private Kind kind;
    private Long parentId;
    private Long ownerUnitId;
    private Long periodId;
    private String title;
    private String description;
    private Direction direction;
    private String measureUnit;
    private String source;
    private String koladaId;
    private Boolean steering;
    private String nearTargetTolerance;
    private Long linkedIndicatorId;
    private String linkMotivation;
    private String agenda2030Goal;
    private String agenda2030Target;
    private Long givenByUnitId;
    private String dueDate;
    private AssignmentStatus status;
    private Perspective perspective;
    private String frequency;
    private String process;
    private String riskValue;
    private String controlMethod;
    private String responsible;
    private FollowUpOccasion followUpOccasion;
    private int version;

    static GoalForm of(GoalObject o, SwedishFormat sv) {
        GoalForm f = new GoalForm();
        f.kind = o.kind();
        f.parentId = o.parentId();
        f.ownerUnitId = o.ownerUnitId();
        f.periodId = o.periodId();
        f.title = o.title();
        f.description = o.description();
        f.direction = o.direction();
        f.measureUnit = o.measureUnit();
        f.source = o.source();
        f.koladaId = o.koladaId();
        f.steering = o.steering();
        f.nearTargetTolerance = o.nearTargetTolerance() == null ? null : sv.number(o.nearTargetTolerance(), 2);
        f.linkedIndicatorId = o.linkedIndicatorId();
        f.linkMotivation = o.linkMotivation();
        f.agenda2030Goal = o.agenda2030Goal() == null ? null : o.agenda2030Goal().toString();
        f.agenda2030Target = o.agenda2030Target();
        f.givenByUnitId = o.givenByUnitId();
        f.dueDate = o.dueDate() == null ? null : o.dueDate().toString();
        f.status = o.status();
        f.perspective = o.perspective();
        f.frequency = o.frequency();
        f.process = o.process();
        f.riskValue = o.riskValue() == null ? null : o.riskValue().toString();
        f.controlMethod = o.controlMethod();
        f.responsible = o.responsible();
        f.followUpOccasion = o.followUpOccasion();
        f.version = o.version();
        return f;
    }

    /**
     * The object the form describes; judgement and retirement are kept from {@code current} (null when creating).
     * Text that is not a number or date is reported to {@code p} and left out, so the rules can still check the rest.
     */
    GoalObject toObject(Long id, long municipalityId, GoalObject current, Problems p) {
        java.math.BigDecimal tolerance = null;
        try {
            tolerance = SwedishFormat.parse(nearTargetTolerance);
        } catch (NumberFormatException e) {
            p.add("nearTargetTolerance", "validering.tal");
        }
        Integer agendaGoal = null;
        try {
            agendaGoal = agenda2030Goal == null || agenda2030Goal.isBlank() ? null : Integer.valueOf(agenda2030Goal.strip());
        } catch (NumberFormatException e) {
            p.add("agenda2030Goal", "validering.heltal");
        }
        LocalDate due = se.styr.platform.FormInput.date(dueDate, "dueDate", p);
        Integer risk = null;
        try {
            risk = riskValue == null || riskValue.isBlank() ? null : Integer.valueOf(riskValue.strip());
        } catch (NumberFormatException e) {
            p.add("riskValue", "validering.heltal");
        }
        return new GoalObject(id, municipalityId, kind, parentId, ownerUnitId == null ? 0 : ownerUnitId, periodId, 0, title, description,
                direction, measureUnit, source, koladaId, steering == null ? Boolean.FALSE : steering, tolerance,
                linkedIndicatorId, linkMotivation, agendaGoal, agenda2030Target,
                current == null ? null : current.judgement(), current == null ? null : current.judgementText(),
                givenByUnitId, due, status, perspective, frequency, process, risk, controlMethod, responsible,
                followUpOccasion, current != null && current.retired(), version);
    }

    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public Long getOwnerUnitId() { return ownerUnitId; }
    public void setOwnerUnitId(Long ownerUnitId) { this.ownerUnitId = ownerUnitId; }
    public Long getPeriodId() { return periodId; }
    public void setPeriodId(Long periodId) { this.periodId = periodId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public String getMeasureUnit() { return measureUnit; }
    public void setMeasureUnit(String measureUnit) { this.measureUnit = measureUnit; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getKoladaId() { return koladaId; }
    public void setKoladaId(String koladaId) { this.koladaId = koladaId; }
    public Boolean getSteering() { return steering; }
    public void setSteering(Boolean steering) { this.steering = steering; }
    public String getNearTargetTolerance() { return nearTargetTolerance; }
    public void setNearTargetTolerance(String nearTargetTolerance) { this.nearTargetTolerance = nearTargetTolerance; }
    public Long getLinkedIndicatorId() { return linkedIndicatorId; }
    public void setLinkedIndicatorId(Long linkedIndicatorId) { this.linkedIndicatorId = linkedIndicatorId; }
    public String getLinkMotivation() { return linkMotivation; }
    public void setLinkMotivation(String linkMotivation) { this.linkMotivation = linkMotivation; }
    public String getAgenda2030Goal() { return agenda2030Goal; }
    public void setAgenda2030Goal(String agenda2030Goal) { this.agenda2030Goal = agenda2030Goal; }
    public String getAgenda2030Target() { return agenda2030Target; }
    public void setAgenda2030Target(String agenda2030Target) { this.agenda2030Target = agenda2030Target; }
    public Long getGivenByUnitId() { return givenByUnitId; }
    public void setGivenByUnitId(Long givenByUnitId) { this.givenByUnitId = givenByUnitId; }
    public String getDueDate() { return dueDate; }
    public void setDueDate(String dueDate) { this.dueDate = dueDate; }
    public AssignmentStatus getStatus() { return status; }
    public void setStatus(AssignmentStatus status) { this.status = status; }
    public Perspective getPerspective() { return perspective; }
    public void setPerspective(Perspective perspective) { this.perspective = perspective; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    public String getProcess() { return process; }
    public void setProcess(String process) { this.process = process; }
    public String getRiskValue() { return riskValue; }
    public void setRiskValue(String riskValue) { this.riskValue = riskValue; }
    public String getControlMethod() { return controlMethod; }
    public void setControlMethod(String controlMethod) { this.controlMethod = controlMethod; }
    public String getResponsible() { return responsible; }
    public void setResponsible(String responsible) { this.responsible = responsible; }
    public FollowUpOccasion getFollowUpOccasion() { return followUpOccasion; }
    public void setFollowUpOccasion(FollowUpOccasion followUpOccasion) { this.followUpOccasion = followUpOccasion; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
