package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import java.util.List;

/**
 * The partner's change feed: its invitations that were withdrawn, expired or answered, in order. The cursor of the
 * last entry read is where the next poll starts; a poll never skips or repeats an entry.
 */
@FunctionalInterface
public interface ReadPartnerChangesUseCase {

    int MAX_LIMIT = 500;

    List<FeedEntry> read(PartnerCaller caller, FeedCursor after, int limit);
}
