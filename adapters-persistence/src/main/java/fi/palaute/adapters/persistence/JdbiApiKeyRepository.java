package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeyHash;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Stored keys: only the SHA-256 of a key's text ever reaches the database. A revoked key keeps its row, marked by
 * {@code revoked_at}, so that an audit trail can still name it; every read here returns live keys only.
 */
public final class JdbiApiKeyRepository implements ApiKeyRepository {

    private static final RowMapper<ApiKeyRow> ROW = ConstructorMapper.of(ApiKeyRow.class);
    private static final String COLUMNS =
            "key_id, key_hash, role, partner_id, label, rate_per_second, burst, created_at";

    private final Jdbi jdbi;
    private final Optional<String> writeLock;

    JdbiApiKeyRepository(Jdbi jdbi, Database.Vendor vendor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.writeLock = vendor.apiKeyWriteLock;
    }

    /** Fails (with a Jdbi exception) when the id or the hash is already stored. */
    @Override
    public void insert(ApiKey key) {
        ApiKeyRow row = ApiKeyRow.of(key);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO api_key (" + COLUMNS + ") VALUES ("
                        + ":keyId, :keyHash, :role, :partnerId, :label, :ratePerSecond, :burst, :createdAt)")
                .bindMethods(row)
                .execute());
    }

    @Override
    public Optional<ApiKey> findByHash(ApiKeyHash hash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :keyHash AND revoked_at IS NULL")
                .bind("keyHash", hash.hex())
                .map(ROW)
                .findOne()
                .map(ApiKeyRow::toDomain));
    }

    @Override
    public Optional<ApiKey> findById(String keyId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM api_key WHERE key_id = :keyId AND revoked_at IS NULL")
                .bind("keyId", keyId)
                .map(ROW)
                .findOne()
                .map(ApiKeyRow::toDomain));
    }

    @Override
    public List<ApiKey> findAll() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM api_key WHERE revoked_at IS NULL ORDER BY created_at, key_id")
                .map(ROW)
                .map(ApiKeyRow::toDomain)
                .list());
    }

    /**
     * Inside a transaction, also keeps other writers of {@code api_key} out until that transaction ends, so that the
     * answer stays true for the caller's "insert only if empty": on PostgreSQL by the lock
     * {@link Database.Vendor#apiKeyWriteLock} taken before the check, on SQLite by the write lock BEGIN IMMEDIATE
     * already holds. Outside a transaction it is a plain check, true only at that moment. See package-info. Revoked
     * keys count: demo keys go into an empty table only, never again into one whose keys were all revoked.
     */
    @Override
    public boolean isEmpty() {
        boolean any = jdbi.withHandle(handle -> {
            if (handle.isInTransaction()) {
                writeLock.ifPresent(lock -> handle.execute(lock));
            }
            return handle.createQuery("SELECT EXISTS (SELECT 1 FROM api_key)")
                    .mapTo(boolean.class)
                    .one();
        });
        return !any;
    }

    /** A revoked key is no such key: its budget no longer matters and stays as it was when it was revoked. */
    @Override
    public Optional<ApiKey> updateBudget(String keyId, RequestBudget budget) {
        Objects.requireNonNull(keyId, "keyId");
        return jdbi.withHandle(handle -> handle.createQuery("UPDATE api_key"
                        + " SET rate_per_second = :ratePerSecond, burst = :burst"
                        + " WHERE key_id = :keyId AND revoked_at IS NULL"
                        + " RETURNING " + COLUMNS)
                .bind("ratePerSecond", budget.perSecond())
                .bind("burst", budget.burst())
                .bind("keyId", keyId)
                .map(ROW)
                .findOne()
                .map(ApiKeyRow::toDomain));
    }

    @Override
    public List<ApiKey> findByPartner(PartnerId partnerId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_key"
                        + " WHERE partner_id = :partnerId AND revoked_at IS NULL"
                        + " ORDER BY created_at, key_id")
                .bind("partnerId", partnerId.value())
                .map(ROW)
                .map(ApiKeyRow::toDomain)
                .list());
    }

    /**
     * One UPDATE whose count says whether this call revoked the key: the partner must own it and it must still be
     * live. Of two concurrent revocations on PostgreSQL the second waits for the first and then finds the row
     * revoked, so exactly one returns true.
     */
    @Override
    public boolean revoke(String keyId, PartnerId partnerId, Instant at) {
        Objects.requireNonNull(keyId, "keyId");
        int revoked = jdbi.withHandle(handle -> handle.createUpdate("UPDATE api_key SET revoked_at = :at"
                        + " WHERE key_id = :keyId AND partner_id = :partnerId AND revoked_at IS NULL")
                .bind("at", at.toEpochMilli())
                .bind("keyId", keyId)
                .bind("partnerId", partnerId.value())
                .execute());
        return revoked == 1;
    }

    /** A row of {@code api_key}. */
    public record ApiKeyRow(
            String keyId,
            String keyHash,
            String role,
            String partnerId,
            String label,
            int ratePerSecond,
            int burst,
            long createdAt) {

        static ApiKeyRow of(ApiKey key) {
            return new ApiKeyRow(
                    key.keyId(),
                    key.hash().hex(),
                    key.role().name(),
                    key.partnerId().map(PartnerId::value).orElse(null),
                    key.label(),
                    key.budget().perSecond(),
                    key.budget().burst(),
                    key.createdAt().toEpochMilli());
        }

        ApiKey toDomain() {
            return new ApiKey(
                    keyId,
                    new ApiKeyHash(keyHash),
                    Role.valueOf(role),
                    Optional.ofNullable(partnerId).map(PartnerId::new),
                    label,
                    new RequestBudget(ratePerSecond, burst),
                    Instant.ofEpochMilli(createdAt));
        }
    }
}
