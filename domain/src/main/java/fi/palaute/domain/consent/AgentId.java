package fi.palaute.domain.consent;

import java.util.Objects;
import java.util.regex.Pattern;

/** The id of the customer-service agent who recorded a change, as the bank's staff directory knows them. */
public record AgentId(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public AgentId {
        Objects.requireNonNull(value, "agentId");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("agentId must be 1-64 letters, digits, '.', '-' or '_'");
        }
    }
}
