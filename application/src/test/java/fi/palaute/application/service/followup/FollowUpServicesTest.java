package fi.palaute.application.service.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAnswers;
import fi.palaute.application.fakes.InMemoryFollowUps;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.port.in.followup.CloseFollowUpUseCase;
import fi.palaute.application.port.in.followup.ListFollowUpsQuery;
import fi.palaute.application.port.in.followup.ListFollowUpsUseCase;
import fi.palaute.application.port.in.followup.TakeFollowUpUseCase;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpServicesTest {

    private static final AgentId AGENT = new AgentId("agent-7");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryAnswers answers = new InMemoryAnswers(transactions);
    private final InMemoryFollowUps followUps = new InMemoryFollowUps(transactions, answers);
    private final ListFollowUpsService list = new ListFollowUpsService(followUps);
    private final TakeFollowUpService take = new TakeFollowUpService(transactions, followUps, clock);
    private final CloseFollowUpService close = new CloseFollowUpService(transactions, followUps, clock);

    private String opened(String id, Channel channel) {
        transactions.inTransaction(() -> {
            answers.insert(new StoredAnswer.IdentifiedAnswer("a-" + id, new AnswerContext(new SurveyId("S-1"),
                    Optional.of(channel), new Controller("OP-Retail"), Language.SV), new CustomerId("C-" + id),
                    "i-" + id, new NpsScore(3), Optional.of(new ScrubbedComment("slow", List.of())), true, clock.instant()));
            followUps.insert(FollowUp.open(id, "a-" + id, new SurveyId("S-1"), Optional.of(channel), clock.instant()));
            return null;
        });
        return id;
    }

    @Test
    void takeThenCloseAndNeitherTwice() {
        String id = opened("f-1", Channel.BRANCH);
        clock.advance(Duration.ofMinutes(5));

        var taken = (TakeFollowUpUseCase.Taken) take.take(id, AGENT);
        assertEquals(FollowUpState.TAKEN, taken.followUp().followUp().state());
        assertEquals(Optional.of(AGENT), taken.followUp().followUp().takenBy());
        assertEquals(clock.instant(), taken.followUp().followUp().changedAt());
        assertEquals(Optional.of(new CustomerId("C-f-1")), taken.followUp().customerId(), "whom to call");
        assertEquals(new TakeFollowUpUseCase.NotOpen(FollowUpState.TAKEN), take.take(id, new AgentId("agent-8")));

        var closed = (CloseFollowUpUseCase.Closed) close.close(id, FollowUpOutcome.RESOLVED);
        assertEquals(Optional.of(FollowUpOutcome.RESOLVED), closed.followUp().followUp().outcome());
        assertEquals(new CloseFollowUpUseCase.AlreadyEnded(FollowUpState.CLOSED),
                close.close(id, FollowUpOutcome.NO_ACTION_NEEDED));
        assertEquals(new TakeFollowUpUseCase.NotOpen(FollowUpState.CLOSED), take.take(id, AGENT));
    }

    @Test
    void anOpenFollowUpCanBeClosedWithoutBeingTakenAndUnknownIdsAreNotFound() {
        String id = opened("f-1", Channel.CHAT);
        assertEquals(FollowUpState.CLOSED, ((CloseFollowUpUseCase.Closed) close.close(id,
                FollowUpOutcome.CUSTOMER_NOT_REACHED)).followUp().followUp().state());
        assertEquals(new TakeFollowUpUseCase.NotFound(), take.take("no-such", AGENT));
        assertEquals(new CloseFollowUpUseCase.NotFound(), close.close("no-such", FollowUpOutcome.RESOLVED));
    }

    @Test
    void listingFiltersByChannelAndStateAndPagesWithoutRepeating() {
        for (int i = 1; i <= 5; i++) {
            opened("f-" + i, Channel.BRANCH);
        }
        opened("f-6", Channel.CHAT);
        take.take("f-2", AGENT);

        ListFollowUpsUseCase.Page first = list.list(new ListFollowUpsQuery(Optional.of(Channel.BRANCH),
                Optional.of(FollowUpState.OPEN), Optional.empty(), 2));
        ListFollowUpsUseCase.Page second = list.list(new ListFollowUpsQuery(Optional.of(Channel.BRANCH),
                Optional.of(FollowUpState.OPEN), first.next(), 2));

        assertEquals(List.of("f-1", "f-3"), ids(first));
        assertEquals(Optional.of("f-3"), first.next());
        assertEquals(List.of("f-4", "f-5"), ids(second));
        assertEquals(Optional.empty(), second.next(), "exactly a page left: no next page");
        assertEquals(List.of("f-6"), ids(list.list(new ListFollowUpsQuery(Optional.of(Channel.CHAT), Optional.empty(),
                Optional.empty(), 100))));
    }

    private static List<String> ids(ListFollowUpsUseCase.Page page) {
        return page.followUps().stream().map(FollowUpView::followUp).map(FollowUp::id).toList();
    }
}
