package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.HandedOverInvitation;

/** A message was lost: a new token and link for a handed-over invitation; the old link stops working at once. */
@FunctionalInterface
public interface ReissueInvitationUseCase {

    Result reissue(PartnerCaller caller, String invitationId);

    sealed interface Result {
    }

    record Reissued(HandedOverInvitation invitation) implements Result {
    }

    /** Not this partner's invitation, or none at all: the same answer either way. */
    record NotFound() implements Result {
    }

    /** Only a handed-over invitation has a link to replace: a pending one is claimed, an ended one is over. */
    record NotReissuable(InvitationState state) implements Result {
    }
}
