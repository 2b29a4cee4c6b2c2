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
        boolean retired,
        int version) {

    public boolean isPercentage() {
        return measureUnit != null && measureUnit.strip().startsWith("%");
    }

    GoalObject withParent(Long newParentId, int newPosition) {
        return new GoalObject(id, municipalityId, kind, newParentId, ownerUnitId, periodId, newPosition, title,
                description, direction, measureUnit, source, koladaId, steering, nearTargetTolerance, linkedIndicatorId,
                linkMotivation, agenda2030Goal, agenda2030Target, judgement, judgementText, givenByUnitId, dueDate,
                status, retired, version);
    }

    GoalObject withRetired(boolean value) {
        return new GoalObject(id, municipalityId, kind, parentId, ownerUnitId, periodId, position, title,
                description, direction, measureUnit, source, koladaId, steering, nearTargetTolerance, linkedIndicatorId,
                linkMotivation, agenda2030Goal, agenda2030Target, judgement, judgementText, givenByUnitId, dueDate,
                status, value, version);
    }

    GoalObject withJudgement(GoalState state, String text) {
        return new GoalObject(id, municipalityId, kind, parentId, ownerUnitId, periodId, position, title,
                description, direction, measureUnit, source, koladaId, steering, nearTargetTolerance, linkedIndicatorId,
                linkMotivation, agenda2030Goal, agenda2030Target, state, text, givenByUnitId, dueDate,
                status, retired, version);
    }

    GoalObject withStatus(AssignmentStatus value) {
        return new GoalObject(id, municipalityId, kind, parentId, ownerUnitId, periodId, position, title,
                description, direction, measureUnit, source, koladaId, steering, nearTargetTolerance, linkedIndicatorId,
                linkMotivation, agenda2030Goal, agenda2030Target, judgement, judgementText, givenByUnitId, dueDate,
                value, retired, version);
    }
}
