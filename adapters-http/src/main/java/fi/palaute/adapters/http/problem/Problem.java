package fi.palaute.adapters.http.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 Problem Details body. {@code invalidParams} lists failing fields; {@code errorId} ties a 500 to
 * its log line. Absent members are left out of the JSON. {@code extensions} are the members a problem type
 * defines for itself ({@code missingTemplates}, {@code violations}), written at the top level as RFC 9457 asks.
 */
public record Problem(
        String type, String title, int status, String detail, List<InvalidParam> invalidParams, String errorId,
        @JsonAnyGetter Map<String, Object> extensions) {

    public Problem {
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Problem(String type, String title, int status, String detail, List<InvalidParam> invalidParams,
            String errorId) {
        this(type, title, status, detail, invalidParams, errorId, Map.of());
    }

    public static Problem of(ProblemType type) {
        return new Problem(type.uri(), type.title(), type.status(), null, null, null);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    public static Problem invalid(List<InvalidParam> invalidParams) {
        ProblemType type = ProblemType.VALIDATION;
        return new Problem(type.uri(), type.title(), type.status(), null, List.copyOf(invalidParams), null);
    }

    /**
     * A request whose members are each well-formed but which cannot be carried out as it stands (a meeting time
     * already past): the validation type, with status 422, naming the members to change.
     */
    public static Problem unprocessable(List<InvalidParam> invalidParams) {
        ProblemType type = ProblemType.VALIDATION;
        return new Problem(type.uri(), type.title(), 422, null, List.copyOf(invalidParams), null);
    }

    public static Problem internal(String errorId) {
        ProblemType type = ProblemType.INTERNAL;
        return new Problem(type.uri(), type.title(), type.status(),
                "Quote the error id when you report this.", null, errorId);
    }

    /** This problem with one more extension member; its value is written as JSON like any response body. */
    public Problem with(String member, Object value) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(value, "value");
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, invalidParams, errorId, more);
    }
}
