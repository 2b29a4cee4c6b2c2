package se.styr.kolada;

import java.util.List;
import org.springframework.stereotype.Component;
import se.styr.goals.GoalObject;
import se.styr.goals.ObjectSections;

/** Adds the Kolada section (definition, comparison, link, rule) to the page of every key figure and indicator. */
@Component
class KoladaSections implements ObjectSections {

    @Override
    public List<Section> sectionsFor(GoalObject object) {
        return object.kind().isMeasure() ? List.of(new Section("Kolada", "/kolada/objekt/" + object.id())) : List.of();
    }
}
