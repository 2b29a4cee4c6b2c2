package se.styr.quality;

import se.styr.goals.FollowUpOccasion;
import se.styr.goals.Perspective;

/**
 * What the register needs to create the object that handles a risk: its title, who is responsible and, by kind, the
 * critical factor's perspective, the control point's check, method and follow-up, or the action's timetable.
 */
record HandlingDraft(String title, String responsible, Perspective perspective, String checked, String method,
                     FollowUpOccasion followUpOccasion, String timetable) {
}
