package fi.palaute.application.port.in.report;

import fi.palaute.domain.access.SessionSecret;

/** Signing out: the session stops working at once, on every node. */
@FunctionalInterface
public interface CloseDashboardSessionUseCase {

    void close(SessionSecret presented);
}
