package fi.palaute.application.fakes;

import fi.palaute.application.port.out.OnsiteAcceptanceRepository;
import fi.palaute.domain.response.OnsiteAcceptance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class InMemoryOnsiteAcceptances implements OnsiteAcceptanceRepository {

    private final FakeTransactions transactions;
    public final Map<String, OnsiteAcceptance> byInvitation = new LinkedHashMap<>();

    public InMemoryOnsiteAcceptances(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(String invitationId, OnsiteAcceptance acceptance, Instant recordedAt) {
        transactions.requireOpen();
        if (byInvitation.putIfAbsent(invitationId, acceptance) != null) {
            throw new IllegalStateException("an invitation is accepted or declined once");
        }
    }

    @Override
    public int deleteForInvitations(List<String> invitationIds) {
        transactions.requireOpen();
        int before = byInvitation.size();
        byInvitation.keySet().removeAll(invitationIds);
        return before - byInvitation.size();
    }
}
