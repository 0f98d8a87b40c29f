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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ApiKeyRepository}; a subclass supplies the database. */
public abstract class AbstractApiKeyRepositoryContractTest {

    private Database database;
    private ApiKeyRepository keys;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

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
}
