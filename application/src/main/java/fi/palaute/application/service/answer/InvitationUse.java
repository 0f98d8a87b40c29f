package fi.palaute.application.service.answer;

import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.PartnerChange;
import java.time.Instant;
import java.util.List;

/**
 * Using an invitation, the one rule every way of answering shares (R-NOLOGIN): with its customer locked, as a
 * prohibition locks them, one conditional statement turns it from handed over to answered, so of any number of
 * racing submissions, on any number of nodes, exactly one goes on to store anything; its partner's feed says so in
 * the same transaction.
 */
final class InvitationUse {

    private InvitationUse() {
    }

    /**
     * True when this call used the invitation. Inside a transaction. An anonymous survey's invitation records only
     * that it was used: its state time stays its creation time, so no stored time lines it up with the answer.
     */
    static boolean use(AnswerStores stores, Invitation invitation, boolean anonymous, Instant now) {
        stores.customerLocks().lock(List.of(invitation.customerId()));
        Instant recordedAt = anonymous ? invitation.createdAt() : now;
        if (!stores.invitations().markAnswered(invitation.id(), now, recordedAt)) {
            return false;
        }
        List<PartnerChange> answered = PartnerChange.forEnded(List.of(invitation), PartnerChange.Kind.ANSWERED,
                recordedAt);
        if (!answered.isEmpty()) {
            stores.partnerChanges().append(answered);
        }
        return true;
    }

    /** Whether the invitation can still be answered at {@code now}, before anything is locked or written. */
    static boolean answerable(Invitation invitation, Instant now) {
        return invitation.state() == InvitationState.HANDED_OVER
                && invitation.expiresAt().isAfter(now);
    }
}
