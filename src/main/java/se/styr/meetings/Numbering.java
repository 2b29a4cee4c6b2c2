package se.styr.meetings;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraph numbers run per body and year and continue across meetings: the working committee's § 67 on 20 September
 * is followed by § 68 at its next meeting, whatever the committee itself numbers. A new year starts at § 1.
 */
final class Numbering {

    private Numbering() {
    }

    /**
     * The numbers for {@code count} new paragraphs of a meeting held in {@code year}, after the highest number the body
     * has used in that year ({@code lastUsed}, 0 when none).
     */
    static List<Integer> next(int lastUsed, int count) {
        if (lastUsed < 0 || count < 0) {
            throw new IllegalArgumentException("negative");
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            numbers.add(lastUsed + i);
        }
        return numbers;
    }
}
