package fi.palaute.application.port.out;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeyHash;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void insert(ApiKey key);

    /** The live key with this hash; a revoked key is never found. */
    Optional<ApiKey> findByHash(ApiKeyHash hash);

    /** The live key with this id; a revoked key is never found. */
    Optional<ApiKey> findById(String keyId);

    /** Every live key, oldest first. */
    List<ApiKey> findAll();

    boolean isEmpty();

    /** The key with its new budget, or empty when there is no such key. */
    Optional<ApiKey> updateBudget(String keyId, RequestBudget budget);

    /** The partner's live keys, oldest first. */
    List<ApiKey> findByPartner(PartnerId partnerId);

    /** Revokes the partner's live key with this id; false when the partner has no such live key. */
    boolean revoke(String keyId, PartnerId partnerId, Instant at);
}
