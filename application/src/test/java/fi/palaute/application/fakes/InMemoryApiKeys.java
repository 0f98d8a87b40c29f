package fi.palaute.application.fakes;

import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeyHash;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.List;
import java.util.Optional;

public final class InMemoryApiKeys implements ApiKeyRepository {

    private final FakeTransactions transactions;
    public final List<ApiKey> keys = new ArrayList<>();
    public final Map<String, Instant> revoked = new HashMap<>();

    public InMemoryApiKeys(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(ApiKey key) {
        transactions.requireOpen();
        keys.add(key);
    }

    @Override
    public Optional<ApiKey> findByHash(ApiKeyHash hash) {
        return live().filter(k -> k.hash().equals(hash)).findFirst();
    }

    @Override
    public Optional<ApiKey> findById(String keyId) {
        return live().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    @Override
    public List<ApiKey> findAll() {
        return live().toList();
    }

    @Override
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public Optional<ApiKey> updateBudget(String keyId, RequestBudget budget) {
        transactions.requireOpen();
        for (int i = 0; i < keys.size(); i++) {
            ApiKey k = keys.get(i);
            if (k.keyId().equals(keyId)) {
                ApiKey changed = new ApiKey(k.keyId(), k.hash(), k.role(), k.partnerId(), k.label(), budget, k.createdAt());
                keys.set(i, changed);
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ApiKey> findByPartner(PartnerId partnerId) {
        return live().filter(k -> k.partnerId().equals(Optional.of(partnerId))).toList();
    }

    @Override
    public boolean revoke(String keyId, PartnerId partnerId, Instant at) {
        transactions.requireOpen();
        boolean found = live().anyMatch(k -> k.keyId().equals(keyId) && k.partnerId().equals(Optional.of(partnerId)));
        if (found) {
            revoked.put(keyId, at);
        }
        return found;
    }

    private Stream<ApiKey> live() {
        return keys.stream().filter(k -> !revoked.containsKey(k.keyId()));
    }
}
