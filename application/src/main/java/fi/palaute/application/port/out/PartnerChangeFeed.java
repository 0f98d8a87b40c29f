package fi.palaute.application.port.out;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import java.util.List;

/**
 * Each partner's feed of ended invitations, written in the transaction that ends them. Read in position order, a
 * page never skips an entry that a transaction still running will commit later, and never repeats one: an entry
 * becomes readable only when no transaction that could write an earlier position is still running.
 */
public interface PartnerChangeFeed {

    void append(List<PartnerChange> changes);

    /** The partner's entries after the cursor, oldest first, at most {@code limit}. */
    List<FeedEntry> after(PartnerId partnerId, FeedCursor cursor, int limit);
}
