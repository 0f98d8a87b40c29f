package fi.palaute.application.port.out;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What partners did, append-only: no port method changes or removes an entry, and the database refuses it too. */
public interface AuditLog {

    void append(AuditEntry entry);

    /**
     * Removes the entries made before {@code cutoff} (retention, 5 years by default); returns how many. The only
     * removal there is: the database refuses any other, and this one only for entries older than the cutoff.
     */
    int removeBefore(Instant cutoff);

    /**
     * Entries at or after {@code from} and before {@code to}, of one partner or all, oldest first (by entry id, which
     * is time-ordered), after the entry {@code afterEntryId} when given; at most {@code limit}.
     */
    List<AuditEntry> find(Optional<PartnerId> partnerId, Instant from, Instant to, Optional<String> afterEntryId,
            int limit);
}
