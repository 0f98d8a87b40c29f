package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Admins read the audit log by partner (or all) and a time range, a page at a time. */
public record QueryAuditLogQuery(
        Optional<PartnerId> partnerId, Instant from, Instant to, Optional<String> after, int limit) {

    public static final int MAX_LIMIT = 500;

    public QueryAuditLogQuery {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(after, "after");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }
}
