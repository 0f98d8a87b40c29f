package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.ReadPartnerChangesUseCase;
import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

public final class ReadPartnerChangesService implements ReadPartnerChangesUseCase {

    private final DeliveryStores stores;
    private final PartnerChangeFeed feed;
    private final Clock clock;

    public ReadPartnerChangesService(DeliveryStores stores, PartnerChangeFeed feed, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.feed = Objects.requireNonNull(feed);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public List<FeedEntry> read(PartnerCaller caller, FeedCursor after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
        return stores.transactions().inTransaction(() -> {
            List<FeedEntry> entries = feed.after(caller.partnerId(), after, limit);
            PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.READ_CHANGES,
                    entries.stream().map(entry -> entry.change().invitationId()).toList(), AuditEntry.Outcome.OK);
            return entries;
        });
    }
}
