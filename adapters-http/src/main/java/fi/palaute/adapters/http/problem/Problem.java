package fi.palaute.adapters.http.problem;

import java.util.List;

/**
 * An RFC 9457 Problem Details body. {@code invalidParams} lists failing fields; {@code errorId} ties a 500 to
 * its log line. Absent members are left out of the JSON.
 */
public record Problem(
        String type, String title, int status, String detail, List<InvalidParam> invalidParams, String errorId) {

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

    public static Problem internal(String errorId) {
        ProblemType type = ProblemType.INTERNAL;
        return new Problem(type.uri(), type.title(), type.status(),
                "Quote the error id when you report this.", null, errorId);
    }
}
