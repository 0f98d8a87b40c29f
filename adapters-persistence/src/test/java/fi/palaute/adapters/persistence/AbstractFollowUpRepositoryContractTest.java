package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.CONTROLLER;
import static fi.palaute.adapters.persistence.TestData.allMessages;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.comment;
import static fi.palaute.adapters.persistence.TestData.newAnswerId;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.newFollowUpId;
import static fi.palaute.adapters.persistence.TestData.newInvitationId;
import static fi.palaute.adapters.persistence.TestData.newSurveyId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The contract of {@link FollowUpRepository}; a subclass supplies the database and a second node on it. */
public abstract class AbstractFollowUpRepositoryContractTest {

    private static final AgentId AGENT = new AgentId("agent.007");
    private static final AgentId OTHER_AGENT = new AgentId("agent-99");

    protected Database database;
    protected FollowUpRepository followUps;
    private SurveyId survey;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        followUps = database.followUps();
        survey = newSurveyId();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /** A stored identified answer of the customer, from the channel (none for a study). */
    private StoredAnswer.IdentifiedAnswer answered(CustomerId customer, Optional<Channel> channel, int score,
            Optional<ScrubbedComment> comment, Language language) {
        StoredAnswer.IdentifiedAnswer answer = new StoredAnswer.IdentifiedAnswer(newAnswerId(),
                new AnswerContext(survey, channel, CONTROLLER, language), customer, newInvitationId(),
                new NpsScore(score), comment, true, at(0));
        database.answers().insert(answer);
        return answer;
    }

    private StoredAnswer.IdentifiedAnswer answered(CustomerId customer, Channel channel) {
        return answered(customer, Optional.of(channel), 3, Optional.empty(), Language.FI);
    }

    /** An open follow-up of the answer, opened at the time, stored. */
    private FollowUp opened(StoredAnswer.IdentifiedAnswer answer, Instant at) {
        FollowUp followUp = FollowUp.open(newFollowUpId(), answer.answerId(), survey, answer.context().channel(), at);
        followUps.insert(followUp);
        return followUp;
    }

    private FollowUp stored(String followUpId) {
        return followUps.find(followUpId).orElseThrow().followUp();
    }

    private static FollowUp in(FollowUp followUp, FollowUpState state, Optional<AgentId> takenBy,
            Optional<FollowUpOutcome> outcome, Instant changedAt) {
        return new FollowUp(followUp.id(), followUp.answerId(), followUp.surveyId(), followUp.channel(), state, takenBy,
                outcome, followUp.openedAt(), changedAt);
    }

    private static List<String> ids(List<FollowUpView> views) {
        return views.stream().map(view -> view.followUp().id()).toList();
    }

    @Test
    void aFollowUpIsFoundWithWhomToContactTheScoreTheCommentAndTheLanguage() {
        CustomerId customer = newCustomer();
        StoredAnswer.IdentifiedAnswer fromChat = answered(customer, Optional.of(Channel.CHAT), 2,
                Optional.of(comment("Soittakaa minulle")), Language.SV);
        StoredAnswer.IdentifiedAnswer ofStudy = answered(customer, Optional.empty(), 6, Optional.empty(), Language.EN);
        FollowUp chats = opened(fromChat, at(1).plusMillis(5));
        FollowUp studys = opened(ofStudy, at(2));

        assertEquals(Optional.of(new FollowUpView(chats, Optional.of(customer), new NpsScore(2),
                Optional.of("Soittakaa minulle"), Language.SV)), followUps.find(chats.id()));
        assertEquals(Optional.of(new FollowUpView(studys, Optional.of(customer), new NpsScore(6), Optional.empty(),
                Language.EN)), followUps.find(studys.id()));
        assertEquals(Optional.empty(), followUps.find("no-such-follow-up"));
    }

    @Test
    void onceTheAnswerIsDeidentifiedItsFollowUpNamesNoOne() {
        CustomerId customer = newCustomer();
        FollowUp followUp = opened(answered(customer, Channel.BRANCH), at(0));

        database.answers().deidentifyCustomer(customer);

        assertEquals(Optional.empty(), followUps.find(followUp.id()).orElseThrow().customerId());
        assertEquals(followUp, stored(followUp.id()));
    }

    @Test
    void aFollowUpInEveryStateIsStoredExactly() {
        StoredAnswer.IdentifiedAnswer answer = answered(newCustomer(), Channel.CHAT);
        List<FollowUp> all = List.of(
                new FollowUp(newFollowUpId(), answer.answerId(), survey, Optional.of(Channel.CHAT),
                        FollowUpState.OPEN, Optional.empty(), Optional.empty(), at(0), at(0)),
                new FollowUp(newFollowUpId(), answer.answerId(), survey, Optional.of(Channel.CHAT),
                        FollowUpState.TAKEN, Optional.of(AGENT), Optional.empty(), at(0), at(1)),
                new FollowUp(newFollowUpId(), answer.answerId(), survey, Optional.empty(),
                        FollowUpState.CLOSED, Optional.empty(), Optional.of(FollowUpOutcome.NO_ACTION_NEEDED), at(0),
                        at(2)),
                new FollowUp(newFollowUpId(), answer.answerId(), survey, Optional.of(Channel.CHAT),
                        FollowUpState.CANCELLED, Optional.of(AGENT), Optional.empty(), at(0), at(3)));
        all.forEach(followUps::insert);
        for (FollowUpOutcome outcome : FollowUpOutcome.values()) {
            FollowUp closed = new FollowUp(newFollowUpId(), answer.answerId(), survey, Optional.empty(),
                    FollowUpState.CLOSED, Optional.of(AGENT), Optional.of(outcome), at(0), at(4));
            followUps.insert(closed);
            assertEquals(closed, stored(closed.id()));
        }

        all.forEach(followUp -> assertEquals(followUp, stored(followUp.id())));
    }

    /** R-FOLLOWUP is for identified answers only, and the database keeps it so: no follow-up without one. */
    @Test
    void aFollowUpOfAnAnonymousAnswerIsRefusedByTheDatabase() {
        StoredAnswer.AnonymousAnswer anonymous = new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(survey, Optional.of(Channel.CHAT), CONTROLLER, Language.FI), new NpsScore(0),
                Optional.empty(), IsoWeek.parse("2026-W45"));
        database.answers().insert(anonymous);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> followUps.insert(FollowUp.open(
                newFollowUpId(), anonymous.answerId(), survey, Optional.of(Channel.CHAT), at(0))));

        assertTrue(allMessages(refused).contains("follow_up"), allMessages(refused));
        assertEquals(List.of(), followUps.list(Optional.empty(), Optional.empty(), Optional.empty(), 10));
    }

    @Test
    void followUpsAreListedByChannelAndStateInIdOrderPagedAfterAnId() {
        FollowUp chatOpen = opened(answered(newCustomer(), Channel.CHAT), at(0));
        FollowUp branchOpen = opened(answered(newCustomer(), Channel.BRANCH), at(1));
        FollowUp chatTaken = opened(answered(newCustomer(), Channel.CHAT), at(2));
        FollowUp studyOpen = opened(answered(newCustomer(), Optional.empty(), 0, Optional.empty(), Language.FI), at(3));
        FollowUp chatClosed = opened(answered(newCustomer(), Channel.CHAT), at(4));
        FollowUp chatOpenToo = opened(answered(newCustomer(), Channel.CHAT), at(5));
        assertTrue(followUps.take(chatTaken.id(), AGENT, at(10)));
        assertTrue(followUps.close(chatClosed.id(), FollowUpOutcome.RESOLVED, at(11)));

        assertEquals(List.of(chatOpen.id(), branchOpen.id(), chatTaken.id(), studyOpen.id(), chatClosed.id(),
                chatOpenToo.id()), ids(followUps.list(Optional.empty(), Optional.empty(), Optional.empty(), 10)));
        assertEquals(List.of(chatOpen.id(), chatTaken.id(), chatClosed.id(), chatOpenToo.id()),
                ids(followUps.list(Optional.of(Channel.CHAT), Optional.empty(), Optional.empty(), 10)));
        assertEquals(List.of(chatOpen.id(), chatOpenToo.id()), ids(followUps.list(Optional.of(Channel.CHAT),
                Optional.of(FollowUpState.OPEN), Optional.empty(), 10)));
        assertEquals(List.of(chatOpen.id(), branchOpen.id(), studyOpen.id(), chatOpenToo.id()),
                ids(followUps.list(Optional.empty(), Optional.of(FollowUpState.OPEN), Optional.empty(), 10)));
        assertEquals(List.of(chatTaken.id()), ids(followUps.list(Optional.of(Channel.CHAT),
                Optional.of(FollowUpState.TAKEN), Optional.empty(), 10)));
        assertEquals(List.of(), ids(followUps.list(Optional.of(Channel.MOBILE_APP), Optional.empty(),
                Optional.empty(), 10)));

        assertEquals(List.of(chatOpen.id(), branchOpen.id()),
                ids(followUps.list(Optional.empty(), Optional.of(FollowUpState.OPEN), Optional.empty(), 2)));
        assertEquals(List.of(studyOpen.id(), chatOpenToo.id()), ids(followUps.list(Optional.empty(),
                Optional.of(FollowUpState.OPEN), Optional.of(branchOpen.id()), 2)));
        assertEquals(List.of(), ids(followUps.list(Optional.empty(), Optional.of(FollowUpState.OPEN),
                Optional.of(chatOpenToo.id()), 2)));
        assertEquals(List.of(chatClosed.id(), chatOpenToo.id()), ids(followUps.list(Optional.of(Channel.CHAT),
                Optional.empty(), Optional.of(chatTaken.id()), 10)));
        assertThrows(IllegalArgumentException.class,
                () -> followUps.list(Optional.empty(), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void onlyAnOpenFollowUpIsTaken() {
        FollowUp followUp = opened(answered(newCustomer(), Channel.CHAT), at(0));

        assertTrue(followUps.take(followUp.id(), AGENT, at(10)));
        FollowUp taken = in(followUp, FollowUpState.TAKEN, Optional.of(AGENT), Optional.empty(), at(10));
        assertEquals(taken, stored(followUp.id()));

        assertFalse(followUps.take(followUp.id(), OTHER_AGENT, at(20)), "already taken");
        assertEquals(taken, stored(followUp.id()), "unchanged");
        assertTrue(followUps.close(followUp.id(), FollowUpOutcome.RESOLVED, at(30)));
        assertFalse(followUps.take(followUp.id(), OTHER_AGENT, at(40)), "closed");
        FollowUp cancelled = opened(answered(newCustomer(), Channel.CHAT), at(0));
        assertEquals(1, followUps.cancelActiveOpenedBefore(at(1), at(5)));
        assertFalse(followUps.take(cancelled.id(), AGENT, at(40)), "cancelled");
        assertFalse(followUps.take("no-such-follow-up", AGENT, at(40)));
    }

    @Test
    void onlyAnOpenOrTakenFollowUpIsClosed() {
        FollowUp open = opened(answered(newCustomer(), Channel.CHAT), at(0));
        FollowUp taken = opened(answered(newCustomer(), Channel.BRANCH), at(0));
        assertTrue(followUps.take(taken.id(), AGENT, at(5)));

        assertTrue(followUps.close(open.id(), FollowUpOutcome.CUSTOMER_NOT_REACHED, at(10)));
        assertTrue(followUps.close(taken.id(), FollowUpOutcome.CUSTOMER_DECLINED, at(11)));

        assertEquals(in(open, FollowUpState.CLOSED, Optional.empty(),
                Optional.of(FollowUpOutcome.CUSTOMER_NOT_REACHED), at(10)), stored(open.id()));
        FollowUp closed = in(taken, FollowUpState.CLOSED, Optional.of(AGENT),
                Optional.of(FollowUpOutcome.CUSTOMER_DECLINED), at(11));
        assertEquals(closed, stored(taken.id()), "who took it stays");
        assertFalse(followUps.close(taken.id(), FollowUpOutcome.RESOLVED, at(20)), "already closed");
        assertEquals(closed, stored(taken.id()), "unchanged");

        FollowUp cancelled = opened(answered(newCustomer(), Channel.CHAT), at(30));
        assertEquals(1, followUps.cancelActiveOpenedBefore(at(31), at(32)));
        assertFalse(followUps.close(cancelled.id(), FollowUpOutcome.RESOLVED, at(40)), "cancelled");
        assertFalse(followUps.close("no-such-follow-up", FollowUpOutcome.RESOLVED, at(40)));
    }

    /** Another node's clock may be behind the one that opened the follow-up: the change never predates the opening. */
    @Test
    void aChangeStampedBeforeTheOpeningIsStampedWithTheOpening() {
        FollowUp followUp = opened(answered(newCustomer(), Channel.CHAT), at(100));

        assertTrue(followUps.take(followUp.id(), AGENT, at(99)));

        assertEquals(in(followUp, FollowUpState.TAKEN, Optional.of(AGENT), Optional.empty(), at(100)),
                stored(followUp.id()));
    }

    /** A prohibition cancels the customer's open and taken follow-ups, and nothing else. */
    @Test
    void cancellingACustomersFollowUpsTouchesTheirActiveOnesOnly() {
        CustomerId customer = newCustomer();
        CustomerId other = newCustomer();
        FollowUp open = opened(answered(customer, Channel.CHAT), at(0));
        FollowUp taken = opened(answered(customer, Channel.BRANCH), at(1));
        FollowUp closed = opened(answered(customer, Channel.CHAT), at(2));
        FollowUp others = opened(answered(other, Channel.CHAT), at(3));
        assertTrue(followUps.take(taken.id(), AGENT, at(5)));
        assertTrue(followUps.close(closed.id(), FollowUpOutcome.RESOLVED, at(6)));
        FollowUp closedBefore = stored(closed.id());

        int cancelled = database.transactions().inTransaction(() -> followUps.cancelActiveOfCustomer(customer, at(60)));

        assertEquals(2, cancelled);
        assertEquals(in(open, FollowUpState.CANCELLED, Optional.empty(), Optional.empty(), at(60)), stored(open.id()));
        assertEquals(in(taken, FollowUpState.CANCELLED, Optional.of(AGENT), Optional.empty(), at(60)),
                stored(taken.id()));
        assertEquals(closedBefore, stored(closed.id()));
        assertEquals(others, stored(others.id()));
        assertEquals(0, followUps.cancelActiveOfCustomer(customer, at(70)), "nothing active is left");
    }

    @Test
    void retentionCancelsTheActiveFollowUpsOpenedBeforeTheCutoffOnly() {
        FollowUp oldOpen = opened(answered(newCustomer(), Channel.CHAT), at(0));
        FollowUp oldTaken = opened(answered(newCustomer(), Channel.CHAT), at(10));
        FollowUp oldClosed = opened(answered(newCustomer(), Channel.CHAT), at(11));
        FollowUp atTheCutoff = opened(answered(newCustomer(), Channel.CHAT), at(20));
        assertTrue(followUps.take(oldTaken.id(), AGENT, at(30)));
        assertTrue(followUps.close(oldClosed.id(), FollowUpOutcome.RESOLVED, at(31)));
        FollowUp closedBefore = stored(oldClosed.id());

        int cancelled = database.transactions().inTransaction(() -> followUps.cancelActiveOpenedBefore(at(20), at(90)));

        assertEquals(2, cancelled);
        assertEquals(FollowUpState.CANCELLED, stored(oldOpen.id()).state());
        assertEquals(in(oldTaken, FollowUpState.CANCELLED, Optional.of(AGENT), Optional.empty(), at(90)),
                stored(oldTaken.id()));
        assertEquals(closedBefore, stored(oldClosed.id()));
        assertEquals(atTheCutoff, stored(atTheCutoff.id()));
        assertEquals(0, followUps.cancelActiveOpenedBefore(at(20), at(91)));
    }

    @Test
    void anErasureRemovesEveryFollowUpOfTheCustomersAnswersOnly() {
        CustomerId customer = newCustomer();
        FollowUp open = opened(answered(customer, Channel.CHAT), at(0));
        FollowUp closed = opened(answered(customer, Channel.BRANCH), at(1));
        FollowUp others = opened(answered(newCustomer(), Channel.CHAT), at(2));
        assertTrue(followUps.close(closed.id(), FollowUpOutcome.RESOLVED, at(5)));

        int removed = database.transactions().inTransaction(() -> followUps.deleteOfCustomer(customer));

        assertEquals(2, removed);
        assertEquals(Optional.empty(), followUps.find(open.id()));
        assertEquals(Optional.empty(), followUps.find(closed.id()));
        assertEquals(others, stored(others.id()));
        assertEquals(0, followUps.deleteOfCustomer(customer));
    }

    /** Agents on two nodes take one follow-up at once: exactly one does, and the follow-up names that one. */
    @RepeatedTest(3)
    void agentsOnTwoNodesTakingOneFollowUpAtOnceExactlyOneTakesIt() throws Exception {
        FollowUp followUp = opened(answered(newCustomer(), Channel.CHAT), at(0));
        int threads = 8;

        try (Database otherNode = openAnotherNode()) {
            List<Boolean> taken = Races.onTwoNodes(database, otherNode, threads, (node, thread) ->
                    node.transactions().inTransaction(() ->
                            node.followUps().take(followUp.id(), new AgentId("agent-" + thread), at(10))));

            assertEquals(1, taken.stream().filter(won -> won).count(), taken::toString);
            int winner = taken.indexOf(true);
            assertEquals(in(followUp, FollowUpState.TAKEN, Optional.of(new AgentId("agent-" + winner)),
                    Optional.empty(), at(10)), stored(followUp.id()));
        }
    }
}
