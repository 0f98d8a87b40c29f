package fi.palaute.application.service.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.palaute.application.port.in.answer.RecordOnsiteAcceptanceUseCase;
import fi.palaute.application.port.in.answer.RecordPhoneAnswerUseCase;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.OnsiteAcceptance;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Survey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Answers a partner takes by phone and interview acceptances it takes on site. */
class PartnerAnswerServicesTest {

    private static final CustomerId CUSTOMER = new CustomerId("C-1");
    private static final PartnerCaller CALLER = new PartnerCaller(Answering.PARTNER, "key-1");
    private static final NpsAnswer DETRACTOR = new NpsAnswer(new NpsScore(4),
            Optional.of("Call me on 040 765 4321"), true);

    private final Answering answering = new Answering();
    private final RecordPhoneAnswerService phone = new RecordPhoneAnswerService(answering.stores, answering.clock);
    private final RecordOnsiteAcceptanceService onsite =
            new RecordOnsiteAcceptanceService(answering.stores, answering.clock);

    private Invitation handedOver(DeliveryChannel channel, boolean anonymous) {
        Survey survey = answering.survey(channel, anonymous);
        Invitation invitation = answering.invitation(survey, CUSTOMER, InvitationState.HANDED_OVER);
        answering.invitations.seed(List.of(invitation));
        return invitation;
    }

    @Test
    void aPhoneAnswerGoesThroughTheSameRulesAsThePageAndIsAudited() {
        Invitation invitation = handedOver(DeliveryChannel.PHONE, false);

        assertEquals(new RecordPhoneAnswerUseCase.Recorded(), phone.record(CALLER, invitation.id(), DETRACTOR));

        var stored = answering.answers.onlyIdentified();
        assertFalse(stored.comment().orElseThrow().text().contains("765"), "scrubbed");
        assertEquals(1, answering.followUps.followUps.size(), "a detractor who allowed contact");
        assertEquals(InvitationState.ANSWERED, answering.only(CUSTOMER).state());
        AuditEntry entry = answering.audit.last();
        assertEquals(AuditEntry.Action.RECORD_RESPONSE, entry.action());
        assertEquals(List.of(invitation.id()), entry.recordIds());
        assertEquals(AuditEntry.Outcome.OK, entry.outcome());

        assertEquals(new RecordPhoneAnswerUseCase.NotAnswerable(InvitationState.ANSWERED),
                phone.record(CALLER, invitation.id(), DETRACTOR), "used once");
        assertEquals(AuditEntry.Outcome.REFUSED, answering.audit.last().outcome());
        assertEquals(1, answering.answers.identified.size());
    }

    @Test
    void anAnonymousPhoneSurveysAnswerIsAnonymousToo() {
        Invitation invitation = handedOver(DeliveryChannel.PHONE, true);

        phone.record(CALLER, invitation.id(), DETRACTOR);

        assertEquals(List.of(), answering.answers.identified);
        assertEquals(1, answering.answers.heldAnonymous.size());
        assertEquals(List.of(), answering.followUps.followUps);
    }

    @Test
    void anotherPartnersOrAnUnknownInvitationIsNotFoundAndAuditedWithoutTheId() {
        Invitation invitation = handedOver(DeliveryChannel.PHONE, false);
        PartnerCaller stranger = new PartnerCaller(new PartnerId("other-partner"), "key-2");

        assertEquals(new RecordPhoneAnswerUseCase.NotFound(), phone.record(stranger, invitation.id(), DETRACTOR));
        assertEquals(List.of(), answering.audit.last().recordIds());
        assertEquals(AuditEntry.Outcome.NOT_FOUND, answering.audit.last().outcome());
        assertEquals(new RecordPhoneAnswerUseCase.NotFound(), phone.record(CALLER, "no-such-id", DETRACTOR));
        assertEquals(InvitationState.HANDED_OVER, answering.only(CUSTOMER).state());
    }

    @Test
    void anEmailInvitationTakesNoPhoneAnswerAndAnExpiredOneNone() {
        Invitation email = handedOver(DeliveryChannel.EMAIL, false);
        assertEquals(new RecordPhoneAnswerUseCase.WrongDeliveryChannel(), phone.record(CALLER, email.id(), DETRACTOR));

        Invitation call = answering.invitation(answering.survey(DeliveryChannel.PHONE, false), new CustomerId("C-2"),
                InvitationState.HANDED_OVER);
        answering.invitations.seed(List.of(call));
        answering.clock.advance(Duration.ofDays(30));
        assertEquals(new RecordPhoneAnswerUseCase.NotAnswerable(InvitationState.HANDED_OVER),
                phone.record(CALLER, call.id(), DETRACTOR));
        assertEquals(List.of(), answering.answers.identified);
    }

    @Test
    void anInterviewAcceptanceUsesTheInvitationAndKeepsAScrubbedPlace() {
        Invitation invitation = handedOver(DeliveryChannel.ONSITE, false);
        var accepted = new OnsiteAcceptance.Accepted(answering.clock.instant().plus(Duration.ofDays(3)),
                "Kamppi branch, ask for maija@example.fi");

        assertEquals(new RecordOnsiteAcceptanceUseCase.Recorded(), onsite.record(CALLER, invitation.id(), accepted));

        var stored = (OnsiteAcceptance.Accepted) answering.acceptances.byInvitation.get(invitation.id());
        assertFalse(stored.place().contains("maija@example.fi"));
        assertEquals(accepted.meetingAt(), stored.meetingAt());
        assertEquals(InvitationState.ANSWERED, answering.only(CUSTOMER).state());
        assertEquals(AuditEntry.Action.RECORD_ONSITE_ACCEPTANCE, answering.audit.last().action());
        assertEquals(new RecordOnsiteAcceptanceUseCase.NotAnswerable(InvitationState.ANSWERED),
                onsite.record(CALLER, invitation.id(), new OnsiteAcceptance.Declined()));
    }

    @Test
    void aMeetingInThePastOrAPhoneInvitationIsRefused() {
        Invitation invitation = handedOver(DeliveryChannel.ONSITE, false);
        assertEquals(new RecordOnsiteAcceptanceUseCase.MeetingInPast(), onsite.record(CALLER, invitation.id(),
                new OnsiteAcceptance.Accepted(answering.clock.instant().minusSeconds(60), "Kamppi")));
        Invitation call = handedOver(DeliveryChannel.PHONE, false);
        assertEquals(new RecordOnsiteAcceptanceUseCase.WrongDeliveryChannel(),
                onsite.record(CALLER, call.id(), new OnsiteAcceptance.Declined()));
        assertEquals(0, answering.acceptances.byInvitation.size());
    }
}
