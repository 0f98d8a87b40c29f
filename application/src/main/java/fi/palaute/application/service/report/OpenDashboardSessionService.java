package fi.palaute.application.service.report;

import fi.palaute.application.port.in.access.AuthenticateApiKeyUseCase;
import fi.palaute.application.port.in.report.OpenDashboardSessionUseCase;
import fi.palaute.application.port.out.DashboardSessionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.access.SessionSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Only a live ANALYST key opens a session; the session keeps the key's id, never the key. */
public final class OpenDashboardSessionService implements OpenDashboardSessionUseCase {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private final AuthenticateApiKeyUseCase authenticate;
    private final TransactionRunner transactions;
    private final DashboardSessionRepository sessions;
    private final Duration lifetime;
    private final Clock clock;

    public OpenDashboardSessionService(AuthenticateApiKeyUseCase authenticate, TransactionRunner transactions,
            DashboardSessionRepository sessions, Duration lifetime, Clock clock) {
        this.authenticate = Objects.requireNonNull(authenticate);
        this.transactions = Objects.requireNonNull(transactions);
        this.sessions = Objects.requireNonNull(sessions);
        this.lifetime = Objects.requireNonNull(lifetime);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result open(ApiKeySecret presented) {
        Optional<ApiKey> key = authenticate.authenticate(presented).filter(found -> found.role() == Role.ANALYST);
        if (key.isEmpty()) {
            return new Refused();
        }
        SessionSecret secret = SessionSecret.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        transactions.inTransaction(() -> {
            sessions.deleteExpired(now); // sessions end by time too; signing in is when the table is tidied
            sessions.insert(secret.hash(), key.get().keyId(), now, expiresAt);
            return null;
        });
        return new Opened(secret, expiresAt);
    }
}
