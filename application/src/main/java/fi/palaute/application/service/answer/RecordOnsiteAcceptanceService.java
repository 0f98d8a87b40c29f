package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.RecordOnsiteAcceptanceUseCase;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.personaldata.CommentScrubber;
import fi.palaute.domain.response.OnsiteAcceptance;
import fi.palaute.domain.survey.DeliveryChannel;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** An interview invitation answered yes or no: used once like any answer; the place is free text, so scrubbed. */
public final class RecordOnsiteAcceptanceService implements RecordOnsiteAcceptanceUseCase {

    private static final PartnerAnswering.Outcomes<Result> OUTCOMES = new PartnerAnswering.Outcomes<>(
            Recorded::new, NotFound::new, WrongDeliveryChannel::new, NotAnswerable::new);

    private final AnswerStores stores;
    private final PartnerAnswering answering;

    public RecordOnsiteAcceptanceService(AnswerStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.answering = new PartnerAnswering(stores, clock, AuditEntry.Action.RECORD_ONSITE_ACCEPTANCE,
                DeliveryChannel.ONSITE);
    }

    @Override
    public Result record(PartnerCaller caller, String invitationId, OnsiteAcceptance acceptance) {
        return answering.record(caller, invitationId, OUTCOMES,
                now -> acceptance instanceof OnsiteAcceptance.Accepted accepted && !accepted.meetingAt().isAfter(now)
                        ? Optional.of(new MeetingInPast()) : Optional.empty(),
                (invitation, survey, now) -> stores.onsiteAcceptances().insert(invitation.id(),
                        scrubbed(acceptance, invitation), now));
    }

    private static OnsiteAcceptance scrubbed(OnsiteAcceptance acceptance, Invitation invitation) {
        if (acceptance instanceof OnsiteAcceptance.Accepted accepted) {
            return new OnsiteAcceptance.Accepted(accepted.meetingAt(),
                    CommentScrubber.scrub(accepted.place(), invitation.language()).text());
        }
        return acceptance;
    }
}
