package fi.palaute.application.port.out;

import fi.palaute.domain.access.SessionHash;
import java.time.Instant;
import java.util.Optional;

/** Analysts' dashboard sessions, by the hash of their secret, shared by every node. */
public interface DashboardSessionRepository {

    record StoredSession(String keyId, Instant expiresAt) {
    }

    void insert(SessionHash hash, String keyId, Instant createdAt, Instant expiresAt);

    Optional<StoredSession> find(SessionHash hash);

    void delete(SessionHash hash);

    /** Removes every session expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
