package fi.palaute.application.service.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.application.fakes.InMemoryProhibitions;
import fi.palaute.application.port.in.answer.OpenSurveyUseCase;
import fi.palaute.application.port.in.answer.OptOutBySurveyLinkUseCase;
import fi.palaute.application.service.consent.SetProhibitionService;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionSource;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opening a link and "I do not want surveys". */
class SurveyLinkServicesTest {

    private static final CustomerId CUSTOMER = new CustomerId("C-1");

    private final Answering answering = new Answering();
    private final InMemoryProhibitions prohibitions = new InMemoryProhibitions(answering.transactions);
    private final OpenSurveyService open = new OpenSurveyService(answering.stores, answering.clock);
    private final OptOutBySurveyLinkService optOut = new OptOutBySurveyLinkService(answering.stores,
            new SetProhibitionService(answering.transactions, prohibitions, prohibitions, answering.locks,
                    answering.invitations, answering.feed, answering.followUps, answering.clock),
            answering.clock);

    @Test
    void openingShowsTheInvitationsLanguageTheSurveysLanguagesAndAnonymityAndWritesNothing() {
        Survey anonymous = answering.survey(DeliveryChannel.EMAIL, true);
        SurveyToken token = answering.handedOver(anonymous, CUSTOMER);
        int transactionsBefore = answering.transactions.count();

        OpenSurveyUseCase.Result result = open.open(token.text());

        assertEquals(new OpenSurveyUseCase.Answerable(Language.FI, List.of(Language.FI, Language.SV), true), result);
        assertEquals(transactionsBefore, answering.transactions.count(), "a mail scanner's GET writes nothing");
        assertEquals(InvitationState.HANDED_OVER, answering.only(CUSTOMER).state());
        assertEquals(open.open(token.text()), result, "and can open it again");
    }

    @Test
    void expiredWithdrawnUnknownAndMalformedTokensCostTheSameOneLookUpAndNothingElse() {
        Survey survey = answering.survey(DeliveryChannel.EMAIL, false);
        SurveyToken expiring = answering.handedOver(survey, CUSTOMER);
        SurveyToken withdrawn = answering.handedOver(survey, new CustomerId("C-withdrawn"));
        answering.transactions.inTransaction(() -> answering.invitations.withdrawOpen(new CustomerId("C-withdrawn"),
                answering.clock.instant()));
        answering.clock.advance(Duration.ofDays(14));

        for (String token : List.of(expiring.text(), withdrawn.text(), SurveyToken.generate().text(), "", "../x")) {
            int lookupsBefore = answering.invitations.tokenLookups;
            int transactionsBefore = answering.transactions.count();

            assertEquals(new OpenSurveyUseCase.NotAnswerable(), open.open(token));
            assertEquals(new OptOutBySurveyLinkUseCase.NotAnswerable(), optOut.optOut(token));

            assertEquals(lookupsBefore + 2, answering.invitations.tokenLookups, "one indexed read each, whatever");
            assertEquals(transactionsBefore, answering.transactions.count(), "and nothing written");
        }
        assertEquals(List.of(), answering.locks.locked);
    }

    @Test
    void optingOutSetsASurveyLinkProhibitionAndWithdrawsTheCustomersOpenInvitationsThisOneToo() {
        Survey survey = answering.survey(DeliveryChannel.EMAIL, false);
        SurveyToken token = answering.handedOver(survey, CUSTOMER);
        answering.handedOver(answering.survey(DeliveryChannel.SMS, false), CUSTOMER);

        OptOutBySurveyLinkUseCase.Result result = optOut.optOut(token.text());

        assertEquals(new OptOutBySurveyLinkUseCase.Prohibited(Language.FI), result);
        assertEquals(ProhibitionSource.SURVEY_LINK,
                prohibitions.find(CUSTOMER).orElseThrow().setBy().source());
        assertEquals(List.of(InvitationState.WITHDRAWN, InvitationState.WITHDRAWN),
                answering.invitations.findByCustomer(CUSTOMER).stream().map(i -> i.state()).toList());
        assertEquals(new OpenSurveyUseCase.NotAnswerable(), open.open(token.text()), "its link stops working");
        assertEquals(new OptOutBySurveyLinkUseCase.NotAnswerable(), optOut.optOut(token.text()));
    }

    @Test
    void anUnknownTokenCannotSetAProhibition() {
        assertEquals(new OptOutBySurveyLinkUseCase.NotAnswerable(), optOut.optOut(SurveyToken.generate().text()));
        assertEquals(Optional.empty(), prohibitions.find(CUSTOMER));
    }
}
