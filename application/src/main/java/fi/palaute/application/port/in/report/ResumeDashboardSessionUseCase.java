package fi.palaute.application.port.in.report;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.SessionSecret;
import java.util.Optional;

/**
 * The key behind a dashboard session cookie: present while the session has not expired or been closed and its key
 * is still live (revoking the key ends its sessions).
 */
@FunctionalInterface
public interface ResumeDashboardSessionUseCase {

    Optional<ApiKey> resume(SessionSecret presented);
}
