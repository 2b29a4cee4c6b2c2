package se.styr.goals;

import java.math.BigDecimal;

/** Outcome (utfall) and target (målvärde) of a key figure for one year; either may be missing. */
public record MeasureValue(int year, BigDecimal outcome, BigDecimal target) {
}
