package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.RecordPhoneAnswerUseCase;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.survey.DeliveryChannel;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** A phone interviewer's answer goes through the page's rules: used once, scrubbed, anonymity kept, follow-up. */
public final class RecordPhoneAnswerService implements RecordPhoneAnswerUseCase {

    private static final PartnerAnswering.Outcomes<Result> OUTCOMES = new PartnerAnswering.Outcomes<>(
            Recorded::new, NotFound::new, WrongDeliveryChannel::new, NotAnswerable::new);

    private final AnswerStores stores;
    private final Clock clock;
    private final PartnerAnswering answering;

    public RecordPhoneAnswerService(AnswerStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
        this.answering = new PartnerAnswering(stores, clock, AuditEntry.Action.RECORD_RESPONSE, DeliveryChannel.PHONE);
    }

    @Override
    public Result record(PartnerCaller caller, String invitationId, NpsAnswer answer) {
        return answering.record(caller, invitationId, OUTCOMES, now -> Optional.empty(),
                (invitation, survey, now) -> AnswerRecording.store(stores, clock, invitation, survey.definition().anonymous(), answer,
                        invitation.language(), now));
    }
}
