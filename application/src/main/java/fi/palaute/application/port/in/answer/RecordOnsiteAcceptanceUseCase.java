package fi.palaute.application.port.in.answer;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.response.OnsiteAcceptance;

/**
 * A partner records the customer's yes or no to an {@code ONSITE} interview invitation: it uses the invitation
 * once, as an answer does, and is audited.
 */
@FunctionalInterface
public interface RecordOnsiteAcceptanceUseCase {

    Result record(PartnerCaller caller, String invitationId, OnsiteAcceptance acceptance);

    sealed interface Result {
    }

    record Recorded() implements Result {
    }

    record NotFound() implements Result {
    }

    /** The invitation is not an interview survey's. */
    record WrongDeliveryChannel() implements Result {
    }

    record NotAnswerable(InvitationState state) implements Result {
    }

    /** The meeting time is in the past. */
    record MeetingInPast() implements Result {
    }
}
