package se.styr.goals;

import java.util.List;

/**
 * An extension point of an object's page: another module adds a section of its own (Kolada's comparison, say), which
 * the page fetches from the module's own address when it has loaded, so the goal chain never knows the module.
 */
public interface ObjectSections {

    /** The sections for the object, each with its Swedish heading and the address of its HTML fragment. */
    List<Section> sectionsFor(GoalObject object);

    record Section(String heading, String href) {
    }
}
