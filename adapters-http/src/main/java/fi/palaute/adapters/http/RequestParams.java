package fi.palaute.adapters.http;

import fi.palaute.adapters.http.problem.InvalidParam;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.domain.survey.Language;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns path and query parameters into domain values, or stops the request with a 400 naming the parameter. */
public final class RequestParams {

    private RequestParams() {
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
