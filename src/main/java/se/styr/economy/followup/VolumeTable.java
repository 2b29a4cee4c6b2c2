package se.styr.economy.followup;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table of a committee's volumes (e.g. "Äldreomsorg: antal boendeplatser"): a row per measure, "varav" rows
 * indented under their parent, a column per month stamp and the forecast last.
 */
public record VolumeTable(String title, List<String> columns, List<Row> rows) {

    public record Row(long measureId, String name, String unit, int indent, List<BigDecimal> values) {
    }
}
