package fi.palaute.domain.response;

import fi.palaute.domain.personaldata.CommentScrubber;
import java.util.Objects;
import java.util.Optional;

/**
 * What a respondent gave (R-NPS): a score, an optional comment as typed (before {@code CommentScrubber}; it is never
 * stored as it is), and whether they allow contact about it (R-FOLLOWUP). A blank comment is no comment.
 * {@link #toString()} never shows the comment.
 */
public record NpsAnswer(NpsScore score, Optional<String> comment, boolean contactAllowed) {

    public static final int MAX_COMMENT_LENGTH = CommentScrubber.MAX_LENGTH;

    public NpsAnswer {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(comment, "comment");
        comment = comment.map(String::strip).filter(text -> !text.isEmpty());
        // counted in UTF-16 units, as a form's maxlength and the scrubber count them
        if (comment.isPresent() && comment.get().length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("comment: at most " + MAX_COMMENT_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "NpsAnswer[score=" + score.value() + ", comment=" + (comment.isPresent() ? "<given>" : "<none>")
                + ", contactAllowed=" + contactAllowed + "]";
    }
}
