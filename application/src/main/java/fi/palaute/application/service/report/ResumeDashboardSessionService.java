package fi.palaute.application.service.report;

import fi.palaute.application.port.in.report.ResumeDashboardSessionUseCase;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.DashboardSessionRepository;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.access.SessionSecret;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

public final class ResumeDashboardSessionService implements ResumeDashboardSessionUseCase {

    private final DashboardSessionRepository sessions;
    private final ApiKeyRepository keys;
    private final Clock clock;

    public ResumeDashboardSessionService(DashboardSessionRepository sessions, ApiKeyRepository keys, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<ApiKey> resume(SessionSecret presented) {
        return sessions.find(presented.hash())
                .filter(session -> clock.instant().isBefore(session.expiresAt()))
                .flatMap(session -> keys.findById(session.keyId()))
                .filter(key -> key.role() == Role.ANALYST);
    }
}
