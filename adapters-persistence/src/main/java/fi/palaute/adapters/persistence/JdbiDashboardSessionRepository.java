package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.DashboardSessionRepository;
import fi.palaute.domain.access.SessionHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code dashboard_session}, one row per open session, by the SHA-256 of its secret (the secret is never stored), so
 * every node sees a session opened on another. Each method is one statement on the primary key, or on the index by
 * expiry for {@link #deleteExpired}; none needs a transaction of its own.
 */
public final class JdbiDashboardSessionRepository implements DashboardSessionRepository {

    private final Jdbi jdbi;

    JdbiDashboardSessionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One INSERT; a hash already stored fails on the primary key (a secret is random: a bug, not a race). */
    @Override
    public void insert(SessionHash hash, String keyId, Instant createdAt, Instant expiresAt) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(keyId, "keyId");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session expires after it is opened");
        }
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO dashboard_session (session_hash, key_id, created_at, expires_at)
                        VALUES (:hash, :keyId, :createdAt, :expiresAt)""")
                .bind("hash", hash.hex())
                .bind("keyId", keyId)
                .bind("createdAt", createdAt.toEpochMilli())
                .bind("expiresAt", expiresAt.toEpochMilli())
                .execute());
    }

    /** The stored session, expired or not: whether it is still good at a time is the caller's decision. */
    @Override
    public Optional<StoredSession> find(SessionHash hash) {
        Objects.requireNonNull(hash, "hash");
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT key_id, expires_at FROM dashboard_session WHERE session_hash = :hash""")
                .bind("hash", hash.hex())
                .map((rs, ctx) -> new StoredSession(rs.getString("key_id"),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    @Override
    public void delete(SessionHash hash) {
        Objects.requireNonNull(hash, "hash");
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM dashboard_session WHERE session_hash = :hash")
                .bind("hash", hash.hex())
                .execute());
    }

    /** A session is expired from its expiry on: {@code expires_at <= now}. */
    @Override
    public int deleteExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM dashboard_session WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }
}
