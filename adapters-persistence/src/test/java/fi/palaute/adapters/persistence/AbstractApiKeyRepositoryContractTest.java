package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeyHash;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.application.service.access.CreateApiKeyService;
import fi.palaute.application.service.access.ProvisionDemoKeysService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ApiKeyRepository}; a subclass supplies the database, and a second {@link Database} (its own
 * pool) on the same one, to stand for a second node of the service.
 */
public abstract class AbstractApiKeyRepositoryContractTest {

    private Database database;
    private ApiKeyRepository keys;

    private static final int THREADS = 8;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /**
     * Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made: a second node.
     * The test closes it.
     */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        keys = database.apiKeys();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private static ApiKeyHash hashOf(String secret) {
        return ApiKeySecret.presented(secret).hash();
    }

    private static ApiKey admin(String keyId, Instant createdAt) {
        return new ApiKey(keyId, hashOf("secret-" + keyId), Role.ADMIN, Optional.empty(), "admin " + keyId,
                RequestBudget.DEFAULT, createdAt);
    }

    private static ApiKey partner(String keyId, Instant createdAt) {
        return new ApiKey(keyId, hashOf("secret-" + keyId), Role.PARTNER, Optional.of(new PartnerId("acme_surveys")),
                "Acme Surveys Oy, production", new RequestBudget(5, 20), createdAt);
    }

    @Test
    void aNewDatabaseHasNoKeys() {
        assertTrue(keys.isEmpty());
        assertEquals(List.of(), keys.findAll());
        assertEquals(Optional.empty(), keys.findByHash(hashOf("anything")));
    }

    @Test
    void aStoredKeyIsFoundByItsHashExactlyAsStored() {
        ApiKey partnerKey = partner("k-partner", at(0));
        ApiKey adminKey = admin("k-admin", at(1));

        keys.insert(partnerKey);
        keys.insert(adminKey);

        assertFalse(keys.isEmpty());
        assertEquals(Optional.of(partnerKey), keys.findByHash(partnerKey.hash()));
        assertEquals(Optional.of(adminKey), keys.findByHash(adminKey.hash()));
        assertEquals(Optional.empty(), keys.findByHash(hashOf("not-a-stored-key")));
    }

    @Test
    void allKeysComeOldestFirst() {
        ApiKey newest = admin("k-c", at(300));
        ApiKey oldest = partner("k-a", at(100));
        ApiKey middle = admin("k-b", at(200));
        keys.insert(newest);
        keys.insert(oldest);
        keys.insert(middle);

        assertEquals(List.of(oldest, middle, newest), keys.findAll());
    }

    @Test
    void aBudgetChangeIsReturnedAndKept() {
        ApiKey changed = partner("k-1", at(0));
        ApiKey untouched = admin("k-2", at(1));
        keys.insert(changed);
        keys.insert(untouched);
        RequestBudget batch = new RequestBudget(500, 2_000);

        Optional<ApiKey> updated = keys.updateBudget("k-1", batch);

        ApiKey expected = new ApiKey(changed.keyId(), changed.hash(), changed.role(), changed.partnerId(),
                changed.label(), batch, changed.createdAt());
        assertEquals(Optional.of(expected), updated);
        assertEquals(Optional.of(expected), keys.findByHash(changed.hash()));
        assertEquals(Optional.of(untouched), keys.findByHash(untouched.hash()));
    }

    @Test
    void aBudgetChangeOfAnUnknownKeyChangesNothing() {
        ApiKey key = admin("k-1", at(0));
        keys.insert(key);

        assertEquals(Optional.empty(), keys.updateBudget("no-such-key", new RequestBudget(1, 1)));
        assertEquals(List.of(key), keys.findAll());
    }

    @Test
    void aSecondKeyWithTheSameHashIsRefused() {
        ApiKey original = admin("k-1", at(0));
        keys.insert(original);
        ApiKey sameSecret = new ApiKey("k-2", original.hash(), Role.ANALYST, Optional.empty(), "copy",
                RequestBudget.DEFAULT, at(10));

        assertThrows(RuntimeException.class, () -> keys.insert(sameSecret));

        assertEquals(List.of(original), keys.findAll());
    }

    private static ApiKey partnerKey(String keyId, PartnerId partner, Instant createdAt) {
        return new ApiKey(keyId, hashOf("secret-" + keyId), Role.PARTNER, Optional.of(partner),
                "key " + keyId, RequestBudget.DEFAULT, createdAt);
    }

    @Test
    void aPartnersLiveKeysComeOldestFirstAndOnlyItsOwn() {
        PartnerId acme = new PartnerId("acme_surveys");
        PartnerId other = new PartnerId("other_partner");
        ApiKey newer = partnerKey("k-b", acme, at(200));
        ApiKey older = partnerKey("k-c", acme, at(100));
        ApiKey sameTime = partnerKey("k-a", acme, at(200));
        keys.insert(newer);
        keys.insert(older);
        keys.insert(sameTime);
        keys.insert(partnerKey("k-other", other, at(50)));
        keys.insert(admin("k-admin", at(10)));

        assertEquals(List.of(older, sameTime, newer), keys.findByPartner(acme));
        assertEquals(List.of(), keys.findByPartner(new PartnerId("nobody")));
    }

    @Test
    void aRevokedKeyIsNeitherFoundNorListedNorChangedButIsStillStored() {
        PartnerId acme = new PartnerId("acme_surveys");
        ApiKey revoked = partnerKey("k-1", acme, at(0));
        ApiKey kept = partnerKey("k-2", acme, at(1));
        keys.insert(revoked);
        keys.insert(kept);

        assertTrue(keys.revoke("k-1", acme, at(60)));

        assertEquals(Optional.empty(), keys.findByHash(revoked.hash()));
        assertEquals(Optional.of(kept), keys.findByHash(kept.hash()));
        assertEquals(List.of(kept), keys.findAll());
        assertEquals(List.of(kept), keys.findByPartner(acme));
        assertEquals(Optional.empty(), keys.updateBudget("k-1", new RequestBudget(1, 1)));
        assertFalse(keys.isEmpty());
        long revokedAt = database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT revoked_at FROM api_key WHERE key_id = 'k-1'").mapTo(long.class).one());
        assertEquals(at(60).toEpochMilli(), revokedAt, "the row stays, for the audit trail");
        assertThrows(RuntimeException.class, () -> keys.insert(partnerKey("k-1", acme, at(2))),
                "a revoked key's id is not free again");
    }

    @Test
    void onlyThePartnerOwningALiveKeyRevokesIt() {
        PartnerId acme = new PartnerId("acme_surveys");
        PartnerId other = new PartnerId("other_partner");
        ApiKey key = partnerKey("k-1", acme, at(0));
        keys.insert(key);
        keys.insert(admin("k-admin", at(1)));

        assertFalse(keys.revoke("k-1", other, at(10)), "another partner's key");
        assertFalse(keys.revoke("k-admin", acme, at(10)), "a key bound to no partner");
        assertFalse(keys.revoke("no-such-key", acme, at(10)));
        assertEquals(Optional.of(key), keys.findByHash(key.hash()));

        assertTrue(keys.revoke("k-1", acme, at(20)));
        assertFalse(keys.revoke("k-1", acme, at(30)), "already revoked");
    }

    @RepeatedTest(3)
    void ofConcurrentRevocationsOfOneKeyExactlyOneSucceeds() throws Exception {
        PartnerId acme = new PartnerId("acme_surveys");
        keys.insert(partnerKey("k-1", acme, at(0)));
        try (Database otherNode = openAnotherNode()) {
            List<Boolean> outcomes = Races.onTwoNodes(database, otherNode, THREADS, (node, thread) ->
                    node.transactions().inTransaction(() -> node.apiKeys().revoke("k-1", acme, at(thread))));

            assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count(), outcomes::toString);
        }
    }

    /**
     * "Insert only if there are no keys" holds for the whole transaction: once {@code isEmpty()} has answered inside
     * one, a writer elsewhere (here another node) waits until that transaction ends.
     */
    @Test
    void afterIsEmptyInATransactionAnotherNodesInsertWaitsForItsEnd() throws Exception {
        ApiKey mine = admin("k-mine", at(0));
        ApiKey theirs = admin("k-theirs", at(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            Future<?> theirInsert = database.transactions().inTransaction(() -> {
                assertTrue(keys.isEmpty());
                Future<?> insert = pool.submit(() -> otherNode.apiKeys().insert(theirs));
                assertThrows(TimeoutException.class, () -> insert.get(500, TimeUnit.MILLISECONDS),
                        "the other node inserted while this transaction still relied on the table being empty");
                keys.insert(mine);
                return insert;
            });
            theirInsert.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(mine, theirs), keys.findAll());
    }

    /** Two nodes starting at once on an empty database: one set of demo keys, not two. */
    @RepeatedTest(5)
    void demoKeysAreProvisionedOnceWhenTwoNodesStartAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Database otherNode = openAnotherNode()) {
            List<ProvisionDemoKeysService> nodes = Stream.of(database, otherNode).map(node ->
                    new ProvisionDemoKeysService(node.transactions(), node.apiKeys(),
                            new CreateApiKeyService(node.transactions(), node.apiKeys(), Clock.systemUTC())))
                    .toList();
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<IssuedApiKey>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                ProvisionDemoKeysService node = nodes.get(i % nodes.size());
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return node.provisionIfEmpty();
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            List<List<IssuedApiKey>> outcomes = new ArrayList<>();
            for (Future<List<IssuedApiKey>> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }

            List<List<IssuedApiKey>> provisioned = outcomes.stream().filter(issued -> !issued.isEmpty()).toList();
            assertEquals(1, provisioned.size(), outcomes::toString);
            List<String> stored = keys.findAll().stream().map(ApiKey::keyId).toList();
            assertEquals(Role.values().length, stored.size(), stored::toString);
            assertEquals(provisioned.get(0).stream().map(issued -> issued.key().keyId()).sorted().toList(),
                    stored.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
