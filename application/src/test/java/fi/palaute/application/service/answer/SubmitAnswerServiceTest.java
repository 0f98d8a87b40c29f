package fi.palaute.application.service.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.in.answer.SubmitAnswerCommand;
import fi.palaute.application.port.in.answer.SubmitAnswerUseCase.Answered;
import fi.palaute.application.port.in.answer.SubmitAnswerUseCase.NotAnswerable;
import fi.palaute.application.port.in.answer.SubmitAnswerUseCase.Result;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.personaldata.PiiKind;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmitAnswerServiceTest {

    private static final CustomerId CUSTOMER = new CustomerId("C-1");

    private final Answering answering = new Answering();
    private final SubmitAnswerService submit = new SubmitAnswerService(answering.stores, answering.clock);

    private Result submit(SurveyToken token, int score, String comment, boolean contact, Language language) {
        return submit.submit(new SubmitAnswerCommand(token.text(),
                new NpsAnswer(new NpsScore(score), Optional.ofNullable(comment), contact), language));
    }

    @Test
    void anIdentifiedAnswerIsStoredWithItsCustomerAndAScrubbedCommentAndTheInvitationIsUsed() {
        Survey survey = answering.survey(DeliveryChannel.EMAIL, false);
        SurveyToken token = answering.handedOver(survey, CUSTOMER);

        Result result = submit(token, 9, "Hyvää palvelua, soita 040 123 4567", false, Language.FI);

        assertEquals(new Answered(Language.FI, false), result);
        StoredAnswer.IdentifiedAnswer stored = answering.answers.onlyIdentified();
        Invitation used = answering.only(CUSTOMER);
        assertEquals(CUSTOMER, stored.customerId());
        assertEquals(used.id(), stored.invitationId());
        assertEquals(new NpsScore(9), stored.score());
        assertEquals(Optional.of(Channel.BRANCH), stored.context().channel());
        assertEquals(answering.clock.instant(), stored.answeredAt());
        ScrubbedComment comment = stored.comment().orElseThrow();
        assertEquals(List.of(PiiKind.PHONE_NUMBER), comment.removed());
        assertFalse(comment.text().contains("123 4567"), "the number is gone before it is stored");
        assertEquals(InvitationState.ANSWERED, used.state());
        assertEquals(Optional.empty(), used.contactPoint(), "the contact point goes when the invitation ends");
        assertEquals(List.of(CUSTOMER), answering.locks.locked, "locked as a prohibition locks the customer");
        assertEquals(List.of(new PartnerChange(Answering.PARTNER, used.id(), PartnerChange.Kind.ANSWERED,
                answering.clock.instant())), answering.feed.entries.stream().map(FeedEntry::change).toList());
    }

    @Test
    void aTokenIsUsedOnceTheSecondSubmissionStoresNothing() {
        SurveyToken token = answering.handedOver(answering.survey(DeliveryChannel.EMAIL, false), CUSTOMER);

        assertInstanceOf(Answered.class, submit(token, 10, null, false, Language.FI));
        assertEquals(new NotAnswerable(), submit(token, 0, "again", true, Language.FI));

        assertEquals(1, answering.answers.identified.size());
        assertEquals(List.of(), answering.followUps.followUps);
    }

    @Test
    void anAnonymousAnswerKeepsNoCustomerNoInvitationAndOnlyItsIsoWeek() {
        Survey survey = answering.survey(DeliveryChannel.EMAIL, true);
        SurveyToken token = answering.handedOver(survey, CUSTOMER);

        Result result = submit(token, 3, "My card 4111 1111 1111 1111 was blocked", true, Language.SV);

        assertEquals(new Answered(Language.SV, true), result);
        assertEquals(List.of(), answering.answers.identified);
        StoredAnswer.AnonymousAnswer stored = answering.answers.heldAnonymous.get(0);
        assertEquals(IsoWeek.containing(answering.clock.instant()), stored.week());
        assertEquals(Language.SV, stored.context().language());
        assertEquals(List.of(PiiKind.CARD_NUMBER), stored.comment().orElseThrow().removed());
        assertFalse(stored.toString().contains(CUSTOMER.value()));
        Invitation used = answering.only(CUSTOMER);
        assertFalse(stored.toString().contains(used.id()), "no invitation id in the answer");
        assertEquals(List.of(), answering.followUps.followUps, "no follow-up can exist for an anonymous answer");
        assertEquals(used.createdAt(), answering.invitations.answeredAt.get(used.id()),
                "the invitation records that it was used, not when");
        assertEquals(used.createdAt(), answering.feed.entries.get(0).change().at(), "nor does its partner's feed");
    }

    @Test
    void aDetractorWhoAllowsContactOpensAFollowUpForTheChannelsTeam() {
        SurveyToken token = answering.handedOver(answering.survey(DeliveryChannel.EMAIL, false), CUSTOMER);

        submit(token, 6, null, true, Language.FI);

        assertEquals(1, answering.followUps.followUps.size());
        var followUp = answering.followUps.followUps.get(0);
        assertEquals(FollowUpState.OPEN, followUp.state());
        assertEquals(Optional.of(Channel.BRANCH), followUp.channel());
        assertEquals(answering.answers.onlyIdentified().answerId(), followUp.answerId());
    }

    @Test
    void noFollowUpForAPassiveWhoAllowsContactOrADetractorWhoDoesNot() {
        Survey survey = answering.survey(DeliveryChannel.EMAIL, false);
        submit(answering.handedOver(survey, new CustomerId("C-passive")), 7, null, true, Language.FI);
        submit(answering.handedOver(survey, new CustomerId("C-silent")), 0, null, false, Language.FI);

        assertEquals(2, answering.answers.identified.size());
        assertEquals(List.of(), answering.followUps.followUps);
    }

    @Test
    void expiredWithdrawnUnknownAndClosedSurveyTokensAreNotAnswerableAndChangeNothing() {
        Survey survey = answering.survey(DeliveryChannel.EMAIL, false);
        SurveyToken expiring = answering.handedOver(survey, new CustomerId("C-late"));
        answering.clock.advance(Duration.ofDays(15));
        assertEquals(new NotAnswerable(), submit(expiring, 9, null, false, Language.FI));

        SurveyToken withdrawn = answering.handedOver(survey, new CustomerId("C-prohibited"));
        answering.transactions.inTransaction(() -> answering.invitations.withdrawOpen(new CustomerId("C-prohibited"),
                answering.clock.instant()));
        assertEquals(new NotAnswerable(), submit(withdrawn, 9, null, false, Language.FI));

        assertEquals(new NotAnswerable(), submit(SurveyToken.generate(), 9, null, false, Language.FI));
        assertEquals(new NotAnswerable(), submit.submit(new SubmitAnswerCommand("not a token at all",
                new NpsAnswer(new NpsScore(9), Optional.empty(), false), Language.FI)));

        Survey closed = answering.survey(DeliveryChannel.EMAIL, false);
        SurveyToken ofClosed = answering.handedOver(closed, new CustomerId("C-closed"));
        answering.transactions.inTransaction(() -> answering.surveys.update(
                closed.changedTo(closed.definition(), SurveyState.CLOSED, answering.clock.instant())));
        assertEquals(new NotAnswerable(), submit(ofClosed, 9, null, false, Language.FI));

        assertEquals(List.of(), answering.answers.identified);
        assertEquals(List.of(), answering.feed.entries);
    }

    @Test
    void aLanguageTheSurveyDoesNotOfferFallsBackToTheInvitationsLanguage() {
        SurveyToken token = answering.handedOver(answering.survey(DeliveryChannel.EMAIL, false), CUSTOMER);

        Result result = submit(token, 8, "ok", false, Language.EN);

        assertEquals(new Answered(Language.FI, false), result);
        assertEquals(Language.FI, answering.answers.onlyIdentified().context().language());
    }

    @Test
    void aCommandNeverShowsItsTokenAndAnAnswerNeverItsComment() {
        SurveyToken token = SurveyToken.generate();
        SubmitAnswerCommand command = new SubmitAnswerCommand(token.text(),
                new NpsAnswer(new NpsScore(5), Optional.of("secret words"), true), Language.FI);

        assertFalse(command.toString().contains(token.text()));
        assertFalse(command.toString().contains("secret words"));
        assertTrue(command.toString().contains("score=5"));
    }
}
