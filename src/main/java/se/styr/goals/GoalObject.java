package se.styr.goals;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One object of the goal chain. A single record for every kind keeps the chain one tree that can be browsed,
 * moved and audited alike; the fields that do not apply to a kind are null.
 */
public record GoalObject(
        Long id,
        long municipalityId,
        Kind kind,
        Long parentId,
        long ownerUnitId,
        Long periodId,
        int position,
        String title,
        String description,
        Direction direction,
        String measureUnit,
        String source,
        String koladaId,
        Boolean steering,
        BigDecimal nearTargetTolerance,
        Long linkedIndicatorId,
        String linkMotivation,
        Integer agenda2030Goal,
        String agenda2030Target,
        GoalState judgement,
        String judgementText,
        Long givenByUnitId,
        LocalDate dueDate,
        AssignmentStatus status,
        Perspective perspective,
        String frequency,
        String process,
        Integer riskValue,
        String controlMethod,
        String responsible,
        FollowUpOccasion followUpOccasion,
        boolean retired,
        int version) {

    public boolean isPercentage() {
        return measureUnit != null && measureUnit.strip().startsWith("%");
    }

    Copy copy() {
        return new Copy(this);
    }

    /** A changed copy of an object: {@code o.copy().retired(true).version(v).build()}. */
    static final class Copy {
        private Long id;
        private long municipalityId;
        private Kind kind;
        private Long parentId;
        private long ownerUnitId;
        private Long periodId;
        private int position;
        private String title;
        private String description;
        private Direction direction;
        private String measureUnit;
        private String source;
        private String koladaId;
        private Boolean steering;
        private BigDecimal nearTargetTolerance;
        private Long linkedIndicatorId;
        private String linkMotivation;
        private Integer agenda2030Goal;
        private String agenda2030Target;
        private GoalState judgement;
        private String judgementText;
        private Long givenByUnitId;
        private LocalDate dueDate;
        private AssignmentStatus status;
        private Perspective perspective;
        private String frequency;
        private String process;
        private Integer riskValue;
        private String controlMethod;
        private String responsible;
        private FollowUpOccasion followUpOccasion;
        private boolean retired;
        private int version;

        private Copy(GoalObject o) {
            id = o.id();
            municipalityId = o.municipalityId();
            kind = o.kind();
            parentId = o.parentId();
            ownerUnitId = o.ownerUnitId();
            periodId = o.periodId();
            position = o.position();
            title = o.title();
            description = o.description();
            direction = o.direction();
            measureUnit = o.measureUnit();
            source = o.source();
            koladaId = o.koladaId();
            steering = o.steering();
            nearTargetTolerance = o.nearTargetTolerance();
            linkedIndicatorId = o.linkedIndicatorId();
            linkMotivation = o.linkMotivation();
            agenda2030Goal = o.agenda2030Goal();
            agenda2030Target = o.agenda2030Target();
            judgement = o.judgement();
            judgementText = o.judgementText();
            givenByUnitId = o.givenByUnitId();
            dueDate = o.dueDate();
            status = o.status();
            perspective = o.perspective();
            frequency = o.frequency();
            process = o.process();
            riskValue = o.riskValue();
            controlMethod = o.controlMethod();
            responsible = o.responsible();
            followUpOccasion = o.followUpOccasion();
            retired = o.retired();
            version = o.version();
        }

        Copy id(Long value) {
            id = value;
            return this;
        }

        Copy municipalityId(long value) {
            municipalityId = value;
            return this;
        }

        Copy kind(Kind value) {
            kind = value;
            return this;
        }

        Copy parentId(Long value) {
            parentId = value;
            return this;
        }

        Copy ownerUnitId(long value) {
            ownerUnitId = value;
            return this;
        }

        Copy periodId(Long value) {
            periodId = value;
            return this;
        }

        Copy position(int value) {
            position = value;
            return this;
        }

        Copy title(String value) {
            title = value;
            return this;
        }

        Copy description(String value) {
            description = value;
            return this;
        }

        Copy direction(Direction value) {
            direction = value;
            return this;
        }

        Copy measureUnit(String value) {
            measureUnit = value;
            return this;
        }

        Copy source(String value) {
            source = value;
            return this;
        }

        Copy koladaId(String value) {
            koladaId = value;
            return this;
        }

        Copy steering(Boolean value) {
            steering = value;
            return this;
        }

        Copy nearTargetTolerance(BigDecimal value) {
            nearTargetTolerance = value;
            return this;
        }

        Copy linkedIndicatorId(Long value) {
            linkedIndicatorId = value;
            return this;
        }

        Copy linkMotivation(String value) {
            linkMotivation = value;
            return this;
        }

        Copy agenda2030Goal(Integer value) {
            agenda2030Goal = value;
            return this;
        }

        Copy agenda2030Target(String value) {
            agenda2030Target = value;
            return this;
        }

        Copy judgement(GoalState value) {
            judgement = value;
            return this;
        }

        Copy judgementText(String value) {
            judgementText = value;
            return this;
        }

        Copy givenByUnitId(Long value) {
            givenByUnitId = value;
            return this;
        }

        Copy dueDate(LocalDate value) {
            dueDate = value;
            return this;
        }

        Copy status(AssignmentStatus value) {
            status = value;
            return this;
        }

        Copy perspective(Perspective value) {
            perspective = value;
            return this;
        }

        Copy frequency(String value) {
            frequency = value;
            return this;
        }

        Copy process(String value) {
            process = value;
            return this;
        }

        Copy riskValue(Integer value) {
            riskValue = value;
            return this;
        }

        Copy controlMethod(String value) {
            controlMethod = value;
            return this;
        }

        Copy responsible(String value) {
            responsible = value;
            return this;
        }

        Copy followUpOccasion(FollowUpOccasion value) {
            followUpOccasion = value;
            return this;
        }

        Copy retired(boolean value) {
            retired = value;
            return this;
        }

        Copy version(int value) {
            version = value;
            return this;
        }

        GoalObject build() {
            return new GoalObject(id, municipalityId, kind, parentId, ownerUnitId, periodId, position, title, description,
                    direction, measureUnit, source, koladaId, steering, nearTargetTolerance, linkedIndicatorId, linkMotivation,
                    agenda2030Goal, agenda2030Target, judgement, judgementText, givenByUnitId, dueDate, status, perspective,
                    frequency, process, riskValue, controlMethod, responsible, followUpOccasion, retired, version);
        }
    }
}
