package se.styr.quality;

import java.util.List;
import org.springframework.stereotype.Component;
import se.styr.goals.GoalObject;
import se.styr.goals.ObjectReferences;
import se.styr.platform.Messages;

/** On an object's page of the goal chain: the risks it handles, linking back to them (one query). */
@Component
class RiskReferences implements ObjectReferences {

    private final RiskService risks;
    private final Messages messages;

    RiskReferences(RiskService risks, Messages messages) {
        this.risks = risks;
        this.messages = messages;
    }

    @Override
    public List<Reference> referencesTo(GoalObject object) {
        return risks.handledByObject(object.id()).stream()
                .map(r -> new Reference(messages.text("quality.reference.heading", String.valueOf(r.year())),
                        messages.text("quality.reference.text", r.number(), r.description(), r.value()),
                        "/kvalitet/risker/" + r.id()))
                .toList();
    }
}
