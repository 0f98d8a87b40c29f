package fi.palaute.domain.survey;

/**
 * A survey's life: drafted, then active (inviting), paused (inviting no one, keeping its settings) and active again,
 * and at last closed, which is final. A survey that has invited anyone never goes back to draft.
 */
public enum SurveyState {
    DRAFT,
    ACTIVE,
    PAUSED,
    CLOSED;

    /** Staying in the same state is always allowed; it is how a definition is changed. */
    public boolean canBecome(SurveyState next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case DRAFT -> next == ACTIVE || next == CLOSED;
            case ACTIVE -> next == PAUSED || next == CLOSED;
            case PAUSED -> next == ACTIVE || next == CLOSED;
            case CLOSED -> false;
        };
    }
}
