package fi.palaute.domain.partner;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a partner's change feed: after the entry numbered {@code sequence} of the transaction numbered
 * {@code transaction}. Entries are read in that order and only once every transaction that could still add an
 * earlier entry has ended, so a cursor never skips an entry that commits late (see the persistence adapter). On a
 * database whose writers run one at a time the transaction number is always 0. Written {@code "<transaction>.<sequence>"}.
 */
public record FeedCursor(long transaction, long sequence) {

    public static final FeedCursor START = new FeedCursor(0, 0);
    private static final Pattern TEXT = Pattern.compile("(0|[1-9][0-9]{0,18})\\.(0|[1-9][0-9]{0,18})");

    public FeedCursor {
        if (transaction < 0 || sequence < 0) {
            throw new IllegalArgumentException("a cursor is two non-negative numbers");
        }
    }

    /** The cursor a client sent back; anything not made by {@link #text()} is refused. */
    public static FeedCursor parse(String text) {
        Matcher m = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (!m.matches()) {
            throw new IllegalArgumentException("after must be a cursor returned by this feed");
        }
        try {
            return new FeedCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("after must be a cursor returned by this feed");
        }
    }

    public String text() {
        return transaction + "." + sequence;
    }
}
