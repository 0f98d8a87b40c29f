package fi.palaute.application.port.in.answer;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.response.NpsAnswer;

/**
 * A partner records the answer it took by phone for a {@code PHONE} survey's handed-over invitation: the same rules
 * as the survey page (used once, the comment scrubbed, anonymity kept, a follow-up opened), audited.
 */
@FunctionalInterface
public interface RecordPhoneAnswerUseCase {

    Result record(PartnerCaller caller, String invitationId, NpsAnswer answer);

    sealed interface Result {
    }

    record Recorded() implements Result {
    }

    /** Not this partner's invitation, or no invitation at all: the same answer. */
    record NotFound() implements Result {
    }

    /** The invitation is not a phone survey's. */
    record WrongDeliveryChannel() implements Result {
    }

    /** Only a handed-over invitation that has not expired can be answered. */
    record NotAnswerable(InvitationState state) implements Result {
    }
}
