package fi.palaute.application.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryApiKeys;
import fi.palaute.application.fakes.InMemoryDashboardSessions;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.port.in.report.OpenDashboardSessionUseCase;
import fi.palaute.application.service.access.AuthenticateApiKeyService;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.access.SessionSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardSessionServicesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryApiKeys keys = new InMemoryApiKeys(transactions);
    private final InMemoryDashboardSessions sessions = new InMemoryDashboardSessions(transactions);
    private final OpenDashboardSessionService open = new OpenDashboardSessionService(
            new AuthenticateApiKeyService(keys, clock, Duration.ZERO), transactions, sessions, Duration.ofHours(8),
            clock);
    private final ResumeDashboardSessionService resume = new ResumeDashboardSessionService(sessions, keys, clock);
    private final CloseDashboardSessionService close = new CloseDashboardSessionService(transactions, sessions);

    private ApiKeySecret key(Role role, String id) {
        ApiKeySecret secret = ApiKeySecret.generate();
        transactions.inTransaction(() -> {
            keys.insert(new ApiKey(id, secret.hash(), role, Optional.empty(), "test", RequestBudget.DEFAULT,
                    clock.instant()));
            return null;
        });
        return secret;
    }

    @Test
    void anAnalystsKeyOpensASessionThatKeepsOnlyTheKeysIdAndAHash() {
        ApiKeySecret analyst = key(Role.ANALYST, "key-analyst");

        var opened = assertInstanceOf(OpenDashboardSessionUseCase.Opened.class, open.open(analyst));

        assertEquals(clock.instant().plus(Duration.ofHours(8)), opened.expiresAt());
        assertEquals(Optional.of("key-analyst"), resume.resume(opened.secret()).map(ApiKey::keyId));
        assertTrue(sessions.sessions.containsKey(opened.secret().hash()));
        assertFalse(sessions.sessions.toString().contains(opened.secret().text()), "only the hash is kept");
        assertFalse(sessions.sessions.toString().contains(analyst.plainText()), "and never the key");
    }

    @Test
    void otherRolesAndUnknownKeysAreRefusedAlike() {
        assertEquals(new OpenDashboardSessionUseCase.Refused(), open.open(key(Role.ADMIN, "key-admin")));
        assertEquals(new OpenDashboardSessionUseCase.Refused(), open.open(ApiKeySecret.generate()));
        assertEquals(0, sessions.sessions.size());
    }

    @Test
    void aSessionEndsWhenItExpiresOrIsClosed() {
        ApiKeySecret analyst = key(Role.ANALYST, "key-analyst");
        var first = (OpenDashboardSessionUseCase.Opened) open.open(analyst);
        var second = (OpenDashboardSessionUseCase.Opened) open.open(analyst);

        close.close(first.secret());
        assertEquals(Optional.empty(), resume.resume(first.secret()));
        assertTrue(resume.resume(second.secret()).isPresent());

        clock.advance(Duration.ofHours(8));
        assertEquals(Optional.empty(), resume.resume(second.secret()), "expired");
        assertEquals(Optional.empty(), resume.resume(SessionSecret.generate()));
    }
}
