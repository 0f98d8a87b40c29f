package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.DeliveryReport;

/** The partner reports how delivering a handed-over invitation went. */
@FunctionalInterface
public interface ReportDeliveryUseCase {

    Result report(PartnerCaller caller, String invitationId, DeliveryReport report);

    sealed interface Result {
    }

    record Recorded() implements Result {
    }

    record NotFound() implements Result {
    }

    /** Only a handed-over invitation is being delivered. */
    record NotHandedOver(InvitationState state) implements Result {
    }

    /** The report's time is in the future (beyond a little clock skew). */
    record TimeInFuture() implements Result {
    }
}
