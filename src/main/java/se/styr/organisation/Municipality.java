package se.styr.organisation;

import java.math.BigDecimal;

public record Municipality(long id, String name, String koladaId, String vision, String coreValues,
                           BigDecimal nearTargetTolerance) {
}
