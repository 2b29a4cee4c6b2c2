package se.styr.platform;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Which page of a list an API client asks for: {@code page} counts from 1, {@code size} is 50 unless given and at
 * most 500. A controller method takes it as a parameter ({@code @ParameterObject Paging paging}); the values are
 * read and checked by {@link PagingArguments}, so a bad value is a Swedish 400 before anything is read. The query
 * pages in SQL with {@link #limitOffset()} and counts with a count query; {@link #of} makes the answer.
 */
public record Paging(
        @Parameter(in = ParameterIn.QUERY, name = "page", description = "Sidan, räknat från 1",
                schema = @Schema(type = "integer", minimum = "1", maximum = "1000000", defaultValue = "1")) int page,
        @Parameter(in = ParameterIn.QUERY, name = "size", description = "Antal per sida (högst 500)",
                schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50")) int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 1_000_000;

    public Paging {
        Problems problems = new Problems();
        problems.check(page >= 1 && page <= MAX_PAGE, "page", "validering.sida", MAX_PAGE);
        problems.check(size >= 1 && size <= MAX_SIZE, "size", "validering.sidstorlek", MAX_SIZE);
        problems.throwIfAny();
    }

    /** Reads the query parameters as typed: missing is the default, anything but a whole number in range is refused. */
    public static Paging parse(String page, String size) {
        Problems problems = new Problems();
        Integer p = whole(page, 1, "page", "validering.sida", MAX_PAGE, problems);
        Integer s = whole(size, DEFAULT_SIZE, "size", "validering.sidstorlek", MAX_SIZE, problems);
        problems.throwIfAny();
        return new Paging(p, s);
    }

    /** A page number from a page's address: anything unreadable is the first page, anything too far the last possible. */
    public static int pageNumber(String text) {
        try {
            return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(text == null ? "1" : text.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Integer whole(String text, int otherwise, String field, String key, int max, Problems problems) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(field, key, max);
            return otherwise;
        }
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The end of a paged SQL query; the numbers are checked integers, so they are written into the statement. */
    public String limitOffset() {
        return " limit " + size + " offset " + offset();
    }

    public <T> Page<T> of(long total, List<T> items) {
        return new Page<>(page, size, total, items);
    }

    /** One page of a list as the API answers it: which page, its size, how many there are in all, and the items. */
    public record Page<T>(int page, int size, long total, List<T> items) {
    }
}
