package fi.palaute.application.service.answer;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAnswers;
import fi.palaute.application.fakes.InMemoryAuditLog;
import fi.palaute.application.fakes.InMemoryFollowUps;
import fi.palaute.application.fakes.InMemoryInvitations;
import fi.palaute.application.fakes.InMemoryOnsiteAcceptances;
import fi.palaute.application.fakes.InMemoryPartnerChanges;
import fi.palaute.application.fakes.InMemorySurveys;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.fakes.RecordingCustomerLocks;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The answering use cases over hand-written fakes, with surveys and handed-over invitations to answer. */
final class Answering {

    static final PartnerId PARTNER = new PartnerId("taloustutkimus");
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final FakeTransactions transactions = new FakeTransactions();
    final InMemoryInvitations invitations = new InMemoryInvitations(transactions);
    final InMemorySurveys surveys = new InMemorySurveys(transactions);
    final InMemoryAnswers answers = new InMemoryAnswers(transactions);
    final InMemoryFollowUps followUps = new InMemoryFollowUps(transactions, answers);
    final InMemoryOnsiteAcceptances acceptances = new InMemoryOnsiteAcceptances(transactions);
    final InMemoryPartnerChanges feed = new InMemoryPartnerChanges(transactions);
    final InMemoryAuditLog audit = new InMemoryAuditLog(transactions);
    final RecordingCustomerLocks locks = new RecordingCustomerLocks(transactions);
    final AnswerStores stores = new AnswerStores(transactions, locks, invitations, surveys, answers, followUps,
            acceptances, feed, audit);
    private int made;

    Answering() {
        invitations.surveys = surveys::find;
    }

    /** A partner-delivered survey, active, in fi and sv. */
    Survey survey(DeliveryChannel deliveryChannel, boolean anonymous) {
        SurveyDefinition definition = new SurveyDefinition("Branch NPS", SurveyKind.TRANSACTIONAL,
                Map.of(Channel.BRANCH, SamplingRate.ALL), deliveryChannel, new Deliverer.Partner(PARTNER), anonymous,
                List.of(Language.FI, Language.SV), SurveyDefinition.DEFAULT_WINDOW, false);
        Survey survey = new Survey(new SurveyId("S-" + (++made)), definition, SurveyState.ACTIVE, START, START);
        transactions.inTransaction(() -> {
            surveys.insert(survey);
            return null;
        });
        return survey;
    }

    /** A handed-over invitation of the survey for the customer, with a fresh token whose hash is stored. */
    SurveyToken handedOver(Survey survey, CustomerId customer) {
        SurveyToken token = SurveyToken.generate();
        Invitation invitation = invitation(survey, customer, InvitationState.HANDED_OVER);
        invitations.seed(List.of(invitation));
        invitations.tokens.put(invitation.id(), token.hash());
        return token;
    }

    Invitation invitation(Survey survey, CustomerId customer, InvitationState state) {
        DeliveryChannel delivery = survey.definition().deliveryChannel();
        ContactPoint contact = delivery == DeliveryChannel.EMAIL
                ? new EmailAddress("maija@example.fi") : new MobileNumber("+358401234567");
        return new Invitation("i-" + (++made), survey.id(), customer, Language.FI, delivery,
                state.isOpen() ? Optional.of(contact) : Optional.empty(), survey.definition().deliverer(),
                Optional.of(Channel.BRANCH), new Controller("OP-Retail"), START.minus(Duration.ofHours(1)),
                START.plus(Duration.ofDays(14)), state);
    }

    Invitation only(CustomerId customer) {
        List<Invitation> found = invitations.findByCustomer(customer);
        if (found.size() != 1) {
            throw new AssertionError("expected one invitation, found " + found.size());
        }
        return found.get(0);
    }
}
