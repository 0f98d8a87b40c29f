package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.CONTROLLER;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.invitation;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.newInvitationId;
import static fi.palaute.adapters.persistence.TestData.studyDefinition;
import static fi.palaute.adapters.persistence.TestData.survey;
import static fi.palaute.adapters.persistence.TestData.transactionalDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link InvitationRepository}; a subclass supplies the database. */
public abstract class AbstractInvitationRepositoryContractTest {

    private Database database;
    private InvitationRepository invitations;
    private SurveyId chat;
    private SurveyId study;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        invitations = database.invitations();
        Survey chatSurvey = survey(transactionalDefinition("Chat"), SurveyState.ACTIVE, at(0));
        Survey studySurvey = survey(studyDefinition("Haastattelut"), SurveyState.ACTIVE, at(0));
        database.surveys().insert(chatSurvey);
        database.surveys().insert(studySurvey);
        chat = chatSurvey.id();
        study = studySurvey.id();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private static Invitation withState(Invitation invitation, InvitationState state) {
        return new Invitation(invitation.id(), invitation.surveyId(), invitation.customerId(), invitation.language(),
                invitation.deliveryChannel(), invitation.contactPoint(), invitation.deliverer(), invitation.channel(),
                invitation.controller(), invitation.createdAt(), invitation.expiresAt(), state);
    }

    /** A study's phone call through a partner: a mobile number, no service channel, another controller. */
    private Invitation partnerCall(CustomerId customer, Instant createdAt) {
        return new Invitation(newInvitationId(), study, customer, Language.SV, DeliveryChannel.PHONE,
                new MobileNumber("+358401234567"), new Deliverer.Partner(ACME), Optional.empty(),
                new Controller("op.pohjola-vakuutus"), createdAt, createdAt.plus(Duration.ofHours(36)),
                InvitationState.HANDED_OVER);
    }

    @Test
    void storedInvitationsAreFoundExactlyAsStored() {
        CustomerId customer = newCustomer();
        Invitation email = invitation(chat, customer, at(0));
        Invitation call = partnerCall(customer, at(10));
        Invitation onsite = new Invitation(newInvitationId(), study, newCustomer(), Language.EN, DeliveryChannel.ONSITE,
                new MobileNumber("+46701234567"), new Deliverer.Partner(ACME), Optional.of(Channel.BRANCH), CONTROLLER,
                at(20), at(20).plusMillis(1), InvitationState.ANSWERED);

        invitations.insertAll(List.of(email, call, onsite));

        assertEquals(Optional.of(email), invitations.find(email.id()));
        assertEquals(Optional.of(call), invitations.find(call.id()));
        assertEquals(Optional.of(onsite), invitations.find(onsite.id()));
        assertEquals(Optional.empty(), invitations.find("no-such-invitation"));
    }

    @Test
    void aCustomersInvitationsComeOldestFirstAndOnlyTheirOwn() {
        CustomerId mine = newCustomer();
        CustomerId theirs = newCustomer();
        Invitation newest = invitation(chat, mine, at(300));
        Invitation oldest = partnerCall(mine, at(100));
        Invitation middle = invitation(chat, mine, at(200));
        Invitation other = invitation(chat, theirs, at(150));
        invitations.insertAll(List.of(newest, other, oldest));
        invitations.insertAll(List.of(middle));

        assertEquals(List.of(oldest, middle, newest), invitations.findByCustomer(mine));
        assertEquals(List.of(other), invitations.findByCustomer(theirs));
        assertEquals(List.of(), invitations.findByCustomer(newCustomer()));
    }

    @Test
    void aBatchWithOneBadInvitationStoresNone() {
        Invitation first = invitation(chat, newCustomer(), at(0));
        Invitation duplicate = invitation(chat, newCustomer(), at(1));
        Invitation sameId = new Invitation(duplicate.id(), chat, newCustomer(), Language.FI, DeliveryChannel.EMAIL,
                TestData.EMAIL, new Deliverer.Bank(), Optional.empty(), CONTROLLER, at(2), at(3),
                InvitationState.PENDING);

        assertThrows(RuntimeException.class, () -> invitations.insertAll(List.of(first, duplicate, sameId)));

        assertEquals(Optional.empty(), invitations.find(first.id()));
        assertEquals(Optional.empty(), invitations.find(duplicate.id()));
    }

    @Test
    void invitedSinceGivesTheTimesStrictlyAfterInEveryStateByCustomer() {
        CustomerId often = newCustomer();
        CustomerId once = newCustomer();
        CustomerId before = newCustomer();
        CustomerId never = newCustomer();
        Instant since = at(1_000);
        invitations.insertAll(List.of(
                invitation(chat, often, at(1_300)),
                withState(invitation(chat, often, since), InvitationState.PENDING),
                withState(invitation(chat, often, at(1_100)), InvitationState.WITHDRAWN),
                partnerCall(often, since.plusMillis(1)),
                withState(invitation(chat, once, at(5_000)), InvitationState.EXPIRED),
                invitation(chat, before, at(999)),
                invitation(chat, newCustomer(), at(2_000))));

        Map<CustomerId, List<Instant>> invited = invitations.invitedSince(List.of(often, once, before, never), since);

        assertEquals(Map.of(
                often, List.of(since.plusMillis(1), at(1_100), at(1_300)),
                once, List.of(at(5_000))), invited);
        assertEquals(Map.of(), invitations.invitedSince(List.of(), since));
    }

    @Test
    void invitedSinceAsksAboutEveryCustomerBeyondOneChunk() {
        List<CustomerId> asked = new ArrayList<>();
        List<Invitation> made = new ArrayList<>();
        Map<CustomerId, List<Instant>> expected = new HashMap<>();
        for (int i = 0; i < 2 * Chunks.SIZE + 100; i++) {
            CustomerId customer = newCustomer();
            asked.add(customer);
            if (i % 300 == 0 || i % Chunks.SIZE == Chunks.SIZE - 1) {
                made.add(invitation(chat, customer, at(i)));
                expected.put(customer, List.of(at(i)));
            }
        }
        invitations.insertAll(made);

        assertEquals(expected, invitations.invitedSince(asked, at(-1)));
    }

    @Test
    void withdrawingTouchesTheCustomersOpenInvitationsOnly() {
        CustomerId customer = newCustomer();
        CustomerId other = newCustomer();
        Invitation pending = invitation(chat, customer, at(0));
        Invitation handedOver = partnerCall(customer, at(1));
        Invitation answered = withState(invitation(chat, customer, at(2)), InvitationState.ANSWERED);
        Invitation expired = withState(invitation(chat, customer, at(3)), InvitationState.EXPIRED);
        Invitation othersPending = invitation(chat, other, at(4));
        invitations.insertAll(List.of(pending, handedOver, answered, expired, othersPending));

        assertEquals(2, invitations.withdrawOpen(customer, at(60)));

        assertEquals(List.of(withState(pending, InvitationState.WITHDRAWN),
                withState(handedOver, InvitationState.WITHDRAWN), answered, expired),
                invitations.findByCustomer(customer));
        assertEquals(List.of(othersPending), invitations.findByCustomer(other));
        List<Long> changedAt = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT state_changed_at FROM invitation WHERE customer_id = :c ORDER BY created_at")
                .bind("c", customer.value())
                .mapTo(long.class)
                .list());
        assertEquals(List.of(at(60).toEpochMilli(), at(60).toEpochMilli(), at(2).toEpochMilli(),
                at(3).toEpochMilli()), changedAt, "a new invitation's state changed when it was made");
        assertEquals(0, invitations.withdrawOpen(customer, at(120)), "nothing open is left");
    }

    /** The batch joins the caller's transaction: if the use case fails afterwards, no invitation is left. */
    @Test
    void invitationsInsertedInATransactionThatFailsAreRolledBackWithIt() {
        Invitation invitation = invitation(chat, newCustomer(), at(0));

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            invitations.insertAll(List.of(invitation));
            throw new IllegalStateException("the use case failed");
        }));

        assertEquals(Optional.empty(), invitations.find(invitation.id()));
    }

    /**
     * Once its contact point is erased an invitation cannot be built (the domain type requires one); reading it
     * fails rather than inventing one, and the failure names no customer and no contact point.
     */
    @Test
    void anInvitationWithAnErasedContactPointIsNotInventedAndTheFailureNamesNoPersonalData() {
        CustomerId customer = newCustomer();
        Invitation invitation = invitation(chat, customer, at(0));
        invitations.insertAll(List.of(invitation));
        database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE invitation SET contact_value = NULL WHERE invitation_id = ?", invitation.id()));

        IllegalStateException failure =
                assertThrows(IllegalStateException.class, () -> invitations.find(invitation.id()));

        assertTrue(failure.getMessage().contains(invitation.id()), failure.getMessage());
        assertFalse(failure.getMessage().contains(customer.value()), failure.getMessage());
        assertFalse(failure.getMessage().contains(TestData.EMAIL.value()), failure.getMessage());
        assertEquals(Map.of(customer, List.of(at(0))), invitations.invitedSince(List.of(customer), at(-1)),
                "the contact-frequency rule still sees it");
    }
}
