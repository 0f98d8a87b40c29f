package fi.palaute.application.port.out;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeyHash;
import fi.palaute.domain.access.RequestBudget;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void insert(ApiKey key);

    Optional<ApiKey> findByHash(ApiKeyHash hash);

    /** Every key, oldest first. */
    List<ApiKey> findAll();

    boolean isEmpty();

    /** The key with its new budget, or empty when there is no such key. */
    Optional<ApiKey> updateBudget(String keyId, RequestBudget budget);
}
