package fi.palaute.application.port.in.delivery;

import java.util.Objects;
import java.util.Optional;

/** A page of the partner's invitations ready to claim, after the invitation id {@code after} when given. */
public record ListReadyInvitationsQuery(PartnerCaller caller, Optional<String> after, int limit) {

    public static final int MAX_LIMIT = 500;

    public ListReadyInvitationsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }
}
