package se.styr.quality;

import java.time.LocalDate;

/** What a person enters for a risk, from the form or the API. */
record RiskInput(Area area, String process, String description, Integer probability, Integer consequence, Handling handling,
                 String handlingReason, String assessedBy, LocalDate assessedOn) {
}
