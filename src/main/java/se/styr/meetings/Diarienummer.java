package se.styr.meetings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case's registration number: year, running number per body and year, and the body's code ("2022.229 VON"); a
 * document of a case adds its three-digit sub-number ("2022.210 VON-010").
 */
record Diarienummer(int year, int number, String body, Integer sub) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})\\.(\\d{1,5}) ([\\p{L}\\p{N}]{1,20})(?:-(\\d{1,3}))?");

    static Diarienummer of(int year, int number, String body) {
        return new Diarienummer(year, number, body, null);
    }

    Diarienummer document(int subNumber) {
        return new Diarienummer(year, number, body, subNumber);
    }

    @Override
    public String toString() {
        return year + "." + String.format("%03d", number) + " " + body + (sub == null ? "" : "-" + String.format("%03d", sub));
    }

    /** Reads "2022.229 VON" or "2022.210 VON-010"; null when the text is not of that form. */
    static Diarienummer parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        return new Diarienummer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
                m.group(4) == null ? null : Integer.parseInt(m.group(4)));
    }
}
