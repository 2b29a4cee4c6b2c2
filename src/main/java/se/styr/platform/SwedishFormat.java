package se.styr.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Numbers the Swedish way: a (non-breaking) space between thousands and a decimal comma.
 * Templates reach it as {@code @sv}.
 */
@Component("sv")
public class SwedishFormat {

    private static final char NBSP = '\u00a0';
    private static final java.util.regex.Pattern TYPED_NUMBER = java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final int MAX_TYPED_LENGTH = 40;

    /** Up to {@code maxDecimals} decimals, trailing zeros dropped: 83.1800 → "83,18", 80504 → "80 504". */
    public String number(BigDecimal value, int maxDecimals) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = format("#,##0");
        format.setMaximumFractionDigits(maxDecimals);
        return format.format(value);
    }

    /** A percentage with exactly two decimals, so that a column of them lines up: 4 → "4,00 %", 4.3157 → "4,32 %". */
    public String percent(BigDecimal value) {
        return value == null ? "" : format("#,##0.00").format(value) + NBSP + "%";
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("sv-SE"));
        symbols.setGroupingSeparator(NBSP);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('−');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    public String number(BigDecimal value) {
        return number(value, 2);
    }

    /** Whole kronor as tkr with one decimal at most: 2 509 587 000 kr → "2 509 587". */
    public String tkr(BigDecimal kronor) {
        return kronor == null ? "" : number(kronor.divide(BigDecimal.valueOf(1000)), 0);
    }

    /**
     * Whole kronor as tkr with the decimals it has (at most three): 12 345 600 → "12 345,6". For a form field, which must
     * give back what is stored rather than a rounded figure, and for an audit entry.
     */
    public String tkrExact(Long kronor) {
        return kronor == null ? "" : number(BigDecimal.valueOf(kronor).movePointLeft(3), 3);
    }

    /** Whole kronor as mnkr with one decimal: 34 500 000 → "34,5". */
    public String mnkr(BigDecimal kronor) {
        return kronor == null ? "" : number(kronor.divide(BigDecimal.valueOf(1_000_000)), 1);
    }

    /** Whole kronor shown in tkr ("2 509 587") or, with unit "mnkr", in mnkr with one decimal ("2 509,6"). */
    public String amount(Long kronor, String unit) {
        if (kronor == null) {
            return "";
        }
        return "mnkr".equals(unit) ? mnkr(BigDecimal.valueOf(kronor)) : tkr(BigDecimal.valueOf(kronor));
    }

    /** Parses what a Swedish user types: "83,18", "1 500", "−2,5", "83.18". Null for blank input. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = text.strip()
                .replace("\u00a0", "")
                .replace(" ", "")
                .replace('−', '-')
                .replace(',', '.');
        // Plain decimals only: an exponent such as "1e999999999" is nothing a person types and costly to print.
        if (cleaned.length() > MAX_TYPED_LENGTH || !TYPED_NUMBER.matcher(cleaned).matches()) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(cleaned);
    }
}
