package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.RecordOnsiteAcceptanceUseCase;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.personaldata.CommentScrubber;
import fi.palaute.domain.response.OnsiteAcceptance;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Survey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An interview invitation answered yes or no: used once like any answer; the place is free text, so scrubbed. */
public final class RecordOnsiteAcceptanceService implements RecordOnsiteAcceptanceUseCase {

    private static final AuditEntry.Action ACTION = AuditEntry.Action.RECORD_ONSITE_ACCEPTANCE;

    private final AnswerStores stores;
    private final Clock clock;

    public RecordOnsiteAcceptanceService(AnswerStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result record(PartnerCaller caller, String invitationId, OnsiteAcceptance acceptance) {
        return stores.transactions().inTransaction(() -> {
            Optional<Invitation> found = PartnerAnswering.findOwn(stores, caller, invitationId);
            Result result = recordOn(found, acceptance);
            PartnerAnswering.audit(stores, clock, caller, ACTION, found, result instanceof Recorded);
            return result;
        });
    }

    private Result recordOn(Optional<Invitation> found, OnsiteAcceptance acceptance) {
        if (found.isEmpty()) {
            return new NotFound();
        }
        Invitation invitation = found.get();
        if (invitation.deliveryChannel() != DeliveryChannel.ONSITE) {
            return new WrongDeliveryChannel();
        }
        Instant now = clock.instant();
        if (acceptance instanceof OnsiteAcceptance.Accepted accepted && !accepted.meetingAt().isAfter(now)) {
            return new MeetingInPast();
        }
        Optional<Survey> survey = stores.surveys().find(invitation.surveyId());
        if (survey.isEmpty() || !InvitationUse.answerable(invitation, now)
                || !InvitationUse.use(stores, invitation, survey.get(), now)) {
            return new NotAnswerable(stores.invitations().find(invitation.id()).orElse(invitation).state());
        }
        stores.onsiteAcceptances().insert(invitation.id(), scrubbed(acceptance, invitation), now);
        return new Recorded();
    }

    private static OnsiteAcceptance scrubbed(OnsiteAcceptance acceptance, Invitation invitation) {
        if (acceptance instanceof OnsiteAcceptance.Accepted accepted) {
            return new OnsiteAcceptance.Accepted(accepted.meetingAt(),
                    CommentScrubber.scrub(accepted.place(), invitation.language()).text());
        }
        return acceptance;
    }
}
