package fi.palaute.application.service.report;

import fi.palaute.application.port.in.report.CloseDashboardSessionUseCase;
import fi.palaute.application.port.out.DashboardSessionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.SessionSecret;
import java.util.Objects;

public final class CloseDashboardSessionService implements CloseDashboardSessionUseCase {

    private final TransactionRunner transactions;
    private final DashboardSessionRepository sessions;

    public CloseDashboardSessionService(TransactionRunner transactions, DashboardSessionRepository sessions) {
        this.transactions = Objects.requireNonNull(transactions);
        this.sessions = Objects.requireNonNull(sessions);
    }

    @Override
    public void close(SessionSecret presented) {
        transactions.inTransaction(() -> {
            sessions.delete(presented.hash());
            return null;
        });
    }
}
