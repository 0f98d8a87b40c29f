package fi.palaute.domain.partner;

import java.util.Objects;

/** A change as the feed stores it: the change and its position, which is the cursor just after it. */
public record FeedEntry(FeedCursor position, PartnerChange change) {

    public FeedEntry {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(change, "change");
    }
}
