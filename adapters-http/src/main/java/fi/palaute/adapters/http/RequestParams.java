package fi.palaute.adapters.http;

import fi.palaute.adapters.http.problem.InvalidParam;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.domain.survey.Language;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns path and query parameters into domain values, or stops the request with a 400 naming the parameter. */
public final class RequestParams {

    public static final String DATE_TIME_REASON =
            "must be an RFC 3339 date-time with an offset, such as 2026-11-25T10:15:30+02:00";

    /** RFC 3339 {@code date-time}: seconds required, fraction optional, an offset or {@code Z} required. */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private RequestParams() {
    }

    /**
     * An RFC 3339 date-time with its offset ({@code 2026-11-25T10:15:30+02:00}, {@code 2026-11-25T08:15:30.5Z}) as
     * an instant. Without an offset a time means nothing definite, so it is refused, as are a time without seconds,
     * a date alone and a day that does not exist. The refusal is an {@link IllegalArgumentException} whose message
     * never quotes the text, for {@link #parse} or a body member's check to name where it was.
     */
    public static Instant dateTime(String text) {
        try {
            return OffsetDateTime.parse(text, RFC_3339).toInstant();
        } catch (DateTimeException notRfc3339) {
            throw new IllegalArgumentException(DATE_TIME_REASON);
        }
    }

    /**
     * A query parameter that may be left out; given twice it is refused rather than one of the two picked.
     */
    public static Optional<String> query(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ProblemException.invalid("query." + name, "must be given at most once");
        }
        return values.stream().findFirst();
    }

    /** Where a page starts: the {@code next} of the page before, or nothing for the first page. */
    public static Optional<String> after(Context ctx) {
        Optional<String> after = query(ctx, "after");
        if (after.isPresent() && after.get().isEmpty()) {
            throw ProblemException.invalid("query.after", "must be the next of an earlier page; left out for the first");
        }
        return after;
    }

    /**
     * The page size a client asks for in the query parameter {@code limit}: a whole number from 1 to {@code max},
     * {@code byDefault} when left out.
     */
    public static int limit(Context ctx, int max, int byDefault) {
        Optional<String> text = query(ctx, "limit");
        if (text.isEmpty()) {
            return byDefault;
        }
        String reason = "must be a whole number from 1 to " + max;
        String digits = text.get();
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalid("query.limit", reason);
        }
        int limit = Integer.parseInt(digits);
        if (limit < 1 || limit > max) {
            throw ProblemException.invalid("query.limit", reason);
        }
        return limit;
    }

    /** Builds a value object from a path parameter; its constructor's message becomes the reason. */
    public static <T> T path(Context ctx, String name, Function<String, T> valueOf) {
        return parse("path." + name, ctx.pathParam(name), valueOf);
    }

    /**
     * Reads the id of a resource from the path. An id that could never have been made names nothing, so it is
     * answered as an unknown one is, with 404.
     */
    public static <T> T pathId(Context ctx, String name, Function<String, T> valueOf) {
        try {
            return valueOf.apply(ctx.pathParam(name));
        } catch (IllegalArgumentException cannotExist) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND));
        }
    }

    /** A member the body must have; {@code null} (absent or JSON null) ends the request in a 400. */
    public static <T> T required(String where, T value) {
        if (value == null) {
            throw ProblemException.invalid(where, "is required");
        }
        return value;
    }

    /** A language by its exact API code, {@code fi}, {@code sv} or {@code en}; the reason never quotes the value. */
    public static Language language(String where, String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        throw ProblemException.invalid(where, "must be one of fi, sv, en");
    }

    public static <T> T parse(String where, String raw, Function<String, T> valueOf) {
        return valid(where, () -> valueOf.apply(raw));
    }

    /** Builds a value object; if its constructor refuses, the request ends in a 400 naming {@code where}. */
    public static <T> T valid(String where, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.invalid(where, reasonOf(invalid));
        }
    }

    /** Reads an enum constant by its exact name; the reason lists the allowed names, never the value sent. */
    public static <E extends Enum<E>> E enumValue(String where, String raw, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw)) {
                return constant;
            }
        }
        throw ProblemException.invalid(where, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** Refuses query parameters this route does not know, so a typo is not silently ignored. */
    public static void allowOnlyQuery(Context ctx, Set<String> allowed) {
        List<InvalidParam> unknown = ctx.queryParamMap().keySet().stream()
                .filter(name -> !allowed.contains(name))
                .sorted()
                .map(name -> new InvalidParam("query." + name, "unknown parameter"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(Problem.invalid(unknown));
        }
    }

    /** Domain constructors say what is wrong without quoting the value, so their messages are safe to show. */
    private static String reasonOf(IllegalArgumentException invalid) {
        String message = invalid.getMessage();
        return message == null || message.isBlank() ? "is not valid" : message;
    }
}
