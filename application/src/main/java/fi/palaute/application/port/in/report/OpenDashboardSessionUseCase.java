package fi.palaute.application.port.in.report;

import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.SessionSecret;
import java.time.Instant;

/**
 * An analyst signs in to the dashboard with their key, which is exchanged for a session: the key is checked
 * once (it must be a live ANALYST key) and never kept; the session's secret goes into an HttpOnly cookie.
 */
@FunctionalInterface
public interface OpenDashboardSessionUseCase {

    Result open(ApiKeySecret presented);

    sealed interface Result {
    }

    record Opened(SessionSecret secret, Instant expiresAt) implements Result {
    }

    /** Unknown, revoked or not an analyst's key: one answer for all. */
    record Refused() implements Result {
    }
}
