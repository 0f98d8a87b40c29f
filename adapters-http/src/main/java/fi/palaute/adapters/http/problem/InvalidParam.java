package fi.palaute.adapters.http.problem;

import java.util.Objects;

/** One failing field of a request: where it is ({@code body.agentId}, {@code path.customerId}) and why. */
public record InvalidParam(String name, String reason) {

    public InvalidParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }
}
