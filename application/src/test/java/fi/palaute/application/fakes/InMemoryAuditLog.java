package fi.palaute.application.fakes;

import fi.palaute.application.port.out.AuditLog;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class InMemoryAuditLog implements AuditLog {

    private final FakeTransactions transactions;
    public final List<AuditEntry> entries = new ArrayList<>();

    public InMemoryAuditLog(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(AuditEntry entry) {
        transactions.requireOpen();
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> find(Optional<PartnerId> partnerId, Instant from, Instant to, Optional<String> after,
            int limit) {
        return entries.stream()
                .filter(e -> partnerId.isEmpty() || e.partnerId().equals(partnerId))
                .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                .filter(e -> after.isEmpty() || e.entryId().compareTo(after.get()) > 0)
                .limit(limit)
                .toList();
    }

    @Override
    public int removeBefore(Instant cutoff) {
        transactions.requireOpen();
        int before = entries.size();
        entries.removeIf(e -> e.at().isBefore(cutoff));
        return before - entries.size();
    }

    public AuditEntry last() {
        return entries.get(entries.size() - 1);
    }
}
