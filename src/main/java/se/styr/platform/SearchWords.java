package se.styr.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the pages' searches share: the words of a query, a word as a LIKE pattern, and the page number of the hits. */
public final class SearchWords {

    private SearchWords() {
    }

    /** Words of a search: at most ten, each of at most 100 characters. */
    public static List<String> of(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Arrays.stream(query.strip().split("\\s+")).limit(10)
                .map(w -> w.length() > 100 ? w.substring(0, 100) : w).toList();
    }

    /** The word in lower case with LIKE's wildcards escaped (use with {@code escape '\'}). */
    public static String escaped(String word) {
        return word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A page number from the address; anything unreadable is the first page, anything too far the last possible. */
    public static int pageNumber(String text) {
        try {
            return Math.max(1, Math.min(Paging.MAX_PAGE, Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
