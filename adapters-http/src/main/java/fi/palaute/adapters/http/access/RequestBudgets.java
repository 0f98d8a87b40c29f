package fi.palaute.adapters.http.access;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.TokenBucket;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, in this node's memory. Limits are per key, never per address, because partners
 * sit behind shared gateways. A key whose budget an admin changed gets a fresh bucket on its next request.
 */
public final class RequestBudgets {

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RequestBudgets(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    public TokenBucket.Admission admit(ApiKey key) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.compute(key.keyId(), (id, existing) ->
                existing != null && existing.budget().equals(key.budget()) ? existing : new TokenBucket(key.budget(), now));
        return bucket.tryTake(now);
    }
}
