package fi.palaute.domain.personaldata;

import java.util.List;
import java.util.Objects;

/**
 * A comment after {@link CommentScrubber}: the text with markers in place of personal data, and the kinds removed,
 * in the order they were found (a pass over the text at a time, each in the order they stood). Never the values
 * removed. Even scrubbed, a comment is the customer's own
 * words, so {@link #toString()} shows only its length and the kinds, and the comment never reaches a log line.
 */
public record ScrubbedComment(String text, List<PiiKind> removed) {

    public ScrubbedComment {
        Objects.requireNonNull(text, "text");
        removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
    }

    /** True when the scrubber found nothing to remove. */
    public boolean unchanged() {
        return removed.isEmpty();
    }

    @Override
    public String toString() {
        return "ScrubbedComment[text=<" + text.length() + " characters>, removed=" + removed + "]";
    }
}
