package fi.palaute.application.fakes;

import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import java.util.ArrayList;
import java.util.List;

/** The feed in memory; positions number the entries in the order they were appended, as on one writer. */
public final class InMemoryPartnerChanges implements PartnerChangeFeed {

    private final FakeTransactions transactions;
    public final List<FeedEntry> entries = new ArrayList<>();

    public InMemoryPartnerChanges(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(List<PartnerChange> changes) {
        transactions.requireOpen();
        for (PartnerChange change : changes) {
            entries.add(new FeedEntry(new FeedCursor(0, entries.size() + 1), change));
        }
    }

    @Override
    public List<FeedEntry> after(PartnerId partnerId, FeedCursor cursor, int limit) {
        return entries.stream()
                .filter(e -> e.change().partnerId().equals(partnerId) && e.position().sequence() > cursor.sequence())
                .limit(limit)
                .toList();
    }
}
