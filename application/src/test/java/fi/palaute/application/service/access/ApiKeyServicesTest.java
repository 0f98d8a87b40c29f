package fi.palaute.application.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryApiKeys;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetCommand;
import fi.palaute.application.port.in.access.CreateApiKeyCommand;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiKeyServicesTest {

    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryApiKeys keys = new InMemoryApiKeys(transactions);
    private final CreateApiKeyService create = new CreateApiKeyService(transactions, keys, Clock.systemUTC());
    private final ProvisionDemoKeysService demo = new ProvisionDemoKeysService(transactions, keys, create);
    private final AuthenticateApiKeyService authenticate =
            new AuthenticateApiKeyService(keys, Clock.systemUTC(), Duration.ZERO);

    @Test
    void aCreatedKeyIsStoredOnlyAsItsHashAndAuthenticates() {
        IssuedApiKey issued = create.create(new CreateApiKeyCommand(Role.ADMIN, Optional.empty(), "ops",
                RequestBudget.DEFAULT));
        ApiKey stored = keys.keys.get(0);
        assertEquals(issued.secret().hash(), stored.hash());
        assertFalse(stored.toString().contains(issued.secret().plainText()), "the text is nowhere in what is kept");

        assertEquals(Optional.of(stored), authenticate.authenticate(ApiKeySecret.presented(issued.secret().plainText())));
        assertTrue(authenticate.authenticate(ApiKeySecret.presented(issued.secret().plainText() + "x")).isEmpty());
    }

    @Test
    void demoModeMakesOneKeyPerRoleOnceOnly() {
        List<IssuedApiKey> first = demo.provisionIfEmpty();
        assertEquals(EnumSet.allOf(Role.class),
                first.stream().map(k -> k.key().role()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
        assertEquals(ProvisionDemoKeysService.DEMO_PARTNER,
                first.stream().filter(k -> k.key().role() == Role.PARTNER).findFirst().orElseThrow()
                        .key().partnerId().orElseThrow());
        assertTrue(demo.provisionIfEmpty().isEmpty(), "a restart makes no new keys");
        assertEquals(Role.values().length, keys.keys.size());
        assertEquals(Arrays.stream(Role.values()).count(),
                first.stream().map(k -> k.secret().plainText()).distinct().count(), "all different");
    }

    @Test
    void demoModeMakesNothingWhenAnOperatorAlreadyMadeAKey() {
        create.create(new CreateApiKeyCommand(Role.ADMIN, Optional.empty(), "ops", RequestBudget.DEFAULT));
        assertTrue(demo.provisionIfEmpty().isEmpty());
    }

    @Test
    void anAdminChangesOneKeysBudget() {
        IssuedApiKey issued = create.create(new CreateApiKeyCommand(Role.EVENT_SOURCE, Optional.empty(), "crm",
                RequestBudget.DEFAULT));
        ChangeApiKeyBudgetService change = new ChangeApiKeyBudgetService(transactions, keys);
        RequestBudget more = new RequestBudget(500, 2000);
        assertEquals(more, change.change(new ChangeApiKeyBudgetCommand(issued.key().keyId(), more))
                .orElseThrow().budget());
        assertEquals(more, new ListApiKeysService(keys).list().get(0).budget());
        assertTrue(change.change(new ChangeApiKeyBudgetCommand("no-such-key", more)).isEmpty());
    }

    @Test
    void aFoundKeyIsRememberedBrieflyAndAChangeShowsAfterThat() {
        IssuedApiKey issued = create.create(new CreateApiKeyCommand(Role.EVENT_SOURCE, Optional.empty(), "crm",
                RequestBudget.DEFAULT));
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        AuthenticateApiKeyService remembering = new AuthenticateApiKeyService(keys, clock, Duration.ofSeconds(1));
        ApiKeySecret presented = ApiKeySecret.presented(issued.secret().plainText());
        assertEquals(RequestBudget.DEFAULT, remembering.authenticate(presented).orElseThrow().budget());

        RequestBudget more = new RequestBudget(500, 2000);
        new ChangeApiKeyBudgetService(transactions, keys).change(new ChangeApiKeyBudgetCommand(issued.key().keyId(), more));
        now[0] = start.plusMillis(999);
        assertEquals(RequestBudget.DEFAULT, remembering.authenticate(presented).orElseThrow().budget(), "remembered");
        now[0] = start.plusSeconds(1);
        assertEquals(more, remembering.authenticate(presented).orElseThrow().budget(), "read again after a second");
    }

    @Test
    void unknownKeysAreNeverRemembered() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        AuthenticateApiKeyService remembering = new AuthenticateApiKeyService(keys,
                Clock.fixed(now, java.time.ZoneOffset.UTC), Duration.ofHours(1));
        IssuedApiKey issued = create.create(new CreateApiKeyCommand(Role.ADMIN, Optional.empty(), "ops",
                RequestBudget.DEFAULT));
        keys.keys.clear();
        ApiKeySecret presented = ApiKeySecret.presented(issued.secret().plainText());
        assertTrue(remembering.authenticate(presented).isEmpty());
        keys.keys.add(issued.key());
        assertTrue(remembering.authenticate(presented).isPresent(), "a key that appears works at once");
    }
}
