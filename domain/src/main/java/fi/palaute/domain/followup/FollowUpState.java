package fi.palaute.domain.followup;

/** open → taken → closed; an open or taken follow-up is cancelled by a prohibition (R-OPTOUT) or by retention. */
public enum FollowUpState {
    OPEN,
    TAKEN,
    CLOSED,
    CANCELLED;

    /** Still waiting for, or getting, the team's attention. */
    public boolean isActive() {
        return this == OPEN || this == TAKEN;
    }
}
