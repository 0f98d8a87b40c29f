package fi.palaute.application.fakes;

import fi.palaute.application.port.out.DashboardSessionRepository;
import fi.palaute.domain.access.SessionHash;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryDashboardSessions implements DashboardSessionRepository {

    private final FakeTransactions transactions;
    public final Map<SessionHash, StoredSession> sessions = new HashMap<>();

    public InMemoryDashboardSessions(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(SessionHash hash, String keyId, Instant createdAt, Instant expiresAt) {
        transactions.requireOpen();
        sessions.put(hash, new StoredSession(keyId, expiresAt));
    }

    @Override
    public Optional<StoredSession> find(SessionHash hash) {
        return Optional.ofNullable(sessions.get(hash));
    }

    @Override
    public void delete(SessionHash hash) {
        transactions.requireOpen();
        sessions.remove(hash);
    }

    @Override
    public int deleteExpired(Instant now) {
        transactions.requireOpen();
        int before = sessions.size();
        sessions.values().removeIf(session -> !now.isBefore(session.expiresAt()));
        return before - sessions.size();
    }
}
