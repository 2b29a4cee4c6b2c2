package se.styr.goals;

import java.util.List;

/**
 * An extension point of an object's page: another module that refers to goal-chain objects (a risk handled by an
 * internal-control point, say) lists its references here, so the page links back without the goal chain knowing
 * that module. One implementation answers in a fixed number of queries.
 */
public interface ObjectReferences {

    /** The references to the object, each with the Swedish heading of its group, a text and a link. */
    List<Reference> referencesTo(GoalObject object);

    record Reference(String heading, String text, String href) {
    }
}
