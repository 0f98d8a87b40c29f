package fi.palaute.domain.invitation;

/**
 * pending → handed over (to its partner or the bank's sender, with a fresh link) → answered, expired or
 * withdrawn. Pending and handed-over invitations are open: a prohibition withdraws them.
 */
public enum InvitationState {
    PENDING,
    HANDED_OVER,
    ANSWERED,
    EXPIRED,
    WITHDRAWN;

    public boolean isOpen() {
        return this == PENDING || this == HANDED_OVER;
    }
}
