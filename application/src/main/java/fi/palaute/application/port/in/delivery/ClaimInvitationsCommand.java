package fi.palaute.application.port.in.delivery;

import java.util.Objects;

public record ClaimInvitationsCommand(PartnerCaller caller, int limit) {

    public static final int MAX_LIMIT = 1_000;

    public ClaimInvitationsCommand {
        Objects.requireNonNull(caller, "caller");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }
}
