package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.RecordPhoneAnswerUseCase;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Survey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A phone interviewer's answer goes through the page's rules: used once, scrubbed, anonymity kept, follow-up. */
public final class RecordPhoneAnswerService implements RecordPhoneAnswerUseCase {

    private static final AuditEntry.Action ACTION = AuditEntry.Action.RECORD_RESPONSE;

    private final AnswerStores stores;
    private final Clock clock;

    public RecordPhoneAnswerService(AnswerStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result record(PartnerCaller caller, String invitationId, NpsAnswer answer) {
        return stores.transactions().inTransaction(() -> {
            Optional<Invitation> found = PartnerAnswering.findOwn(stores, caller, invitationId);
            Result result = recordOn(found, answer);
            PartnerAnswering.audit(stores, clock, caller, ACTION, found, result instanceof Recorded);
            return result;
        });
    }

    private Result recordOn(Optional<Invitation> found, NpsAnswer answer) {
        if (found.isEmpty()) {
            return new NotFound();
        }
        Invitation invitation = found.get();
        if (invitation.deliveryChannel() != DeliveryChannel.PHONE) {
            return new WrongDeliveryChannel();
        }
        Instant now = clock.instant();
        Optional<Survey> survey = stores.surveys().find(invitation.surveyId());
        if (survey.isEmpty() || !InvitationUse.answerable(invitation, now)
                || !InvitationUse.use(stores, invitation, survey.get(), now)) {
            return new NotAnswerable(stores.invitations().find(invitation.id()).orElse(invitation).state());
        }
        AnswerRecording.store(stores, clock, invitation, survey.get(), answer, invitation.language(), now);
        return new Recorded();
    }
}
