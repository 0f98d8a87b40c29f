package fi.palaute.adapters.http.problem;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Thrown by handlers to stop a request with a Problem Details answer; turned into the response in one place. */
public final class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title(), null, false, false);
        this.problem = Objects.requireNonNull(problem);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(String name, String reason) {
        return new ProblemException(Problem.invalid(List.of(new InvalidParam(name, reason))));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
