package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.BETA;
import static fi.palaute.adapters.persistence.TestData.CONTROLLER;
import static fi.palaute.adapters.persistence.TestData.allMessages;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.identifiedAnswer;
import static fi.palaute.adapters.persistence.TestData.invitation;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.newInvitationId;
import static fi.palaute.adapters.persistence.TestData.newTokenHash;
import static fi.palaute.adapters.persistence.TestData.studyDefinition;
import static fi.palaute.adapters.persistence.TestData.survey;
import static fi.palaute.adapters.persistence.TestData.transactionalDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.LinkTarget;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.invitation.TokenHash;
import fi.palaute.domain.partner.DeliveryOutcome;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.PartnerInvitation;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InvitationRepository}, including what a partner may do with its invitations; a subclass
 * supplies the database and a second node on it. What only PostgreSQL promises (a claim passes over what another
 * claim holds, without waiting) is in its subclass.
 */
public abstract class AbstractInvitationRepositoryContractTest {

    protected static final int THREADS = 8;

    protected Database database;
    protected InvitationRepository invitations;
    private SurveyId chat;
    protected SurveyId study;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

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

    protected static Invitation withState(Invitation invitation, InvitationState state) {
        return new Invitation(invitation.id(), invitation.surveyId(), invitation.customerId(), invitation.language(),
                invitation.deliveryChannel(), invitation.contactPoint(), invitation.deliverer(), invitation.channel(),
                invitation.controller(), invitation.createdAt(), invitation.expiresAt(), state);
    }

    /** A study's phone call through a partner: a mobile number, no service channel, another controller. */
    private Invitation partnerCall(CustomerId customer, Instant createdAt) {
        return new Invitation(newInvitationId(), study, customer, Language.SV, DeliveryChannel.PHONE,
                Optional.of(new MobileNumber("+358401234567")), new Deliverer.Partner(ACME), Optional.empty(),
                new Controller("op.pohjola-vakuutus"), createdAt, createdAt.plus(Duration.ofHours(36)),
                InvitationState.HANDED_OVER);
    }

    @Test
    void storedInvitationsAreFoundExactlyAsStored() {
        CustomerId customer = newCustomer();
        Invitation email = invitation(chat, customer, at(0));
        Invitation call = partnerCall(customer, at(10));
        Invitation onsite = new Invitation(newInvitationId(), study, newCustomer(), Language.EN, DeliveryChannel.ONSITE,
                Optional.of(new MobileNumber("+46701234567")), new Deliverer.Partner(ACME), Optional.of(Channel.BRANCH),
                CONTROLLER, at(20), at(20).plusMillis(1), InvitationState.ANSWERED);

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
                Optional.of(TestData.EMAIL), new Deliverer.Bank(), Optional.empty(), CONTROLLER, at(2), at(3),
                InvitationState.PENDING);

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> invitations.insertAll(List.of(first, duplicate, sameId)));

        assertEquals(Optional.empty(), invitations.find(first.id()));
        assertEquals(Optional.empty(), invitations.find(duplicate.id()));
        String messages = allMessages(failure);
        assertTrue(messages.contains("invitation"), messages);
        for (String personal : List.of(TestData.EMAIL.value(), first.customerId().value(),
                duplicate.customerId().value(), sameId.customerId().value())) {
            assertFalse(messages.contains(personal), "the failure repeats a bound value: " + messages);
        }
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

        List<Invitation> withdrawn = invitations.withdrawOpen(customer, at(60));

        assertEquals(List.of(pending.ended(InvitationState.WITHDRAWN),
                handedOver.ended(InvitationState.WITHDRAWN)), withdrawn, "returned as they are now, oldest first");
        assertEquals(List.of(pending.ended(InvitationState.WITHDRAWN),
                handedOver.ended(InvitationState.WITHDRAWN), answered, expired),
                invitations.findByCustomer(customer));
        assertEquals(List.of(othersPending), invitations.findByCustomer(other));
        List<Long> changedAt = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT state_changed_at FROM invitation WHERE customer_id = :c ORDER BY created_at")
                .bind("c", customer.value())
                .mapTo(long.class)
                .list());
        assertEquals(List.of(at(60).toEpochMilli(), at(60).toEpochMilli(), at(2).toEpochMilli(),
                at(3).toEpochMilli()), changedAt, "a new invitation's state changed when it was made");
        assertEquals(List.of(), invitations.withdrawOpen(customer, at(120)), "nothing open is left");
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
    void anEndedInvitationWhoseContactPointWasErasedIsReadWithoutOne() {
        CustomerId customer = newCustomer();
        Invitation invitation = invitation(chat, customer, at(0));
        invitations.insertAll(List.of(invitation));
        database.jdbi().useHandle(handle -> handle.execute("UPDATE invitation SET state = 'EXPIRED', contact_value = NULL"
                + " WHERE invitation_id = ?", invitation.id()));

        assertEquals(Optional.of(invitation.ended(InvitationState.EXPIRED)), invitations.find(invitation.id()));
        assertEquals(Map.of(customer, List.of(at(0))), invitations.invitedSince(List.of(customer), at(-1)),
                "the contact-frequency rule still sees it");
    }

    @Test
    void anOpenInvitationWithoutAContactPointIsRefusedNamingNoPersonalData() {
        CustomerId customer = newCustomer();
        Invitation invitation = invitation(chat, customer, at(0));
        invitations.insertAll(List.of(invitation));
        database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE invitation SET contact_value = NULL WHERE invitation_id = ?", invitation.id()));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> invitations.find(invitation.id()));

        assertFalse(allMessages(failure).contains(customer.value()), allMessages(failure));
        assertFalse(allMessages(failure).contains(TestData.EMAIL.value()), allMessages(failure));
    }

    // ---- what a partner may do with its invitations ----

    /** A pending e-mail invitation that the partner delivers, for a customer of its own. */
    protected Invitation forPartner(PartnerId partner, Instant createdAt, Instant expiresAt) {
        return new Invitation(newInvitationId(), study, newCustomer(), Language.FI, DeliveryChannel.EMAIL,
                Optional.of(TestData.EMAIL), new Deliverer.Partner(partner), Optional.empty(), CONTROLLER, createdAt,
                expiresAt,
                InvitationState.PENDING);
    }

    /** The invitation as its partner sees it, with its contact point. */
    private static PartnerInvitation seen(Invitation invitation, Optional<DeliveryReport> lastDelivery) {
        return new PartnerInvitation(invitation.id(), invitation.state(), invitation.deliveryChannel(),
                invitation.contactPoint(), invitation.language(), invitation.expiresAt(), lastDelivery);
    }

    private static PartnerInvitation seen(Invitation invitation) {
        return seen(invitation, Optional.empty());
    }

    /** What the port returns nothing of: the stored token hash and the times of the hand-over and the state. */
    private record StoredToken(String tokenHash, Long handedOverAt, long stateChangedAt) {
    }

    private StoredToken storedToken(String invitationId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT token_hash, handed_over_at, state_changed_at FROM invitation
                        WHERE invitation_id = :id""")
                .bind("id", invitationId)
                .map((rs, ctx) -> new StoredToken(rs.getString("token_hash"),
                        rs.getObject("handed_over_at") == null ? null : rs.getLong("handed_over_at"),
                        rs.getLong("state_changed_at")))
                .one());
    }

    /** Claims as the use case does, in a transaction of its own: lock up to {@code limit}, hand them over. */
    private static List<Invitation> claim(Database node, PartnerId partner, Instant now, int limit) {
        return node.transactions().inTransaction(() -> {
            List<Invitation> locked = node.invitations().lockReadyForPartner(partner, now, limit);
            Map<String, TokenHash> tokens = new LinkedHashMap<>();
            locked.forEach(invitation -> tokens.put(invitation.id(), newTokenHash()));
            node.invitations().handOver(tokens, now);
            return locked;
        });
    }

    @Test
    void theReadyListIsThePartnersPendingUnexpiredInvitationsInIdOrderPagedAfterAnId() {
        Instant now = at(1_000);
        Invitation first = forPartner(ACME, at(0), now.plusMillis(1));
        Invitation expiresNow = forPartner(ACME, at(1), now);
        Invitation handedOver = withState(forPartner(ACME, at(2), at(5_000)), InvitationState.HANDED_OVER);
        Invitation withdrawn = withState(forPartner(ACME, at(3), at(5_000)), InvitationState.WITHDRAWN);
        Invitation betas = forPartner(BETA, at(4), at(5_000));
        Invitation banks = invitation(chat, newCustomer(), at(5));
        Invitation second = forPartner(ACME, at(6), at(5_000));
        Invitation call = withState(partnerCall(newCustomer(), at(7)), InvitationState.PENDING);
        invitations.insertAll(List.of(call, banks, second, withdrawn, first, betas, expiresNow, handedOver));

        assertEquals(List.of(seen(first), seen(second), seen(call)),
                invitations.findReadyForPartner(ACME, now, Optional.empty(), 10));
        assertEquals(List.of(seen(first), seen(second)),
                invitations.findReadyForPartner(ACME, now, Optional.empty(), 2));
        assertEquals(List.of(seen(call)), invitations.findReadyForPartner(ACME, now, Optional.of(second.id()), 2));
        assertEquals(List.of(), invitations.findReadyForPartner(ACME, now, Optional.of(call.id()), 2));
        assertEquals(List.of(seen(betas)), invitations.findReadyForPartner(BETA, now, Optional.empty(), 10));
        assertEquals(List.of(seen(first), seen(expiresNow), seen(second), seen(call)),
                invitations.findReadyForPartner(ACME, now.minusMillis(1), Optional.empty(), 10));
    }

    @Test
    void aPartnerSeesItsInvitationWithTheLatestReportAndWithoutAnErasedContactPoint() {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));
        assertEquals(Optional.of(seen(mine)), invitations.findForPartner(ACME, mine.id()));

        DeliveryReport bounced = new DeliveryReport(DeliveryOutcome.BOUNCED, at(10));
        DeliveryReport delivered = new DeliveryReport(DeliveryOutcome.DELIVERED, at(20));
        invitations.recordDelivery(mine.id(), bounced);
        assertEquals(Optional.of(seen(mine, Optional.of(bounced))), invitations.findForPartner(ACME, mine.id()));
        invitations.recordDelivery(mine.id(), delivered);
        assertEquals(Optional.of(seen(mine, Optional.of(delivered))), invitations.findForPartner(ACME, mine.id()));

        database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE invitation SET contact_value = NULL, state = 'EXPIRED' WHERE invitation_id = ?", mine.id()));
        assertEquals(Optional.of(new PartnerInvitation(mine.id(), InvitationState.EXPIRED, DeliveryChannel.EMAIL,
                        Optional.empty(), Language.FI, mine.expiresAt(), Optional.of(delivered))),
                invitations.findForPartner(ACME, mine.id()));
    }

    @Test
    void everyDeliveryOutcomeIsStoredExactly() {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            DeliveryReport report = new DeliveryReport(outcome, at(outcome.ordinal()));
            invitations.recordDelivery(mine.id(), report);
            assertEquals(Optional.of(report), invitations.findForPartner(ACME, mine.id()).flatMap(
                    PartnerInvitation::lastDelivery));
        }
    }

    @Test
    void aPartnerFindsAndLocksOnlyItsOwnInvitations() {
        Invitation acmes = forPartner(ACME, at(0), at(5_000));
        Invitation betas = forPartner(BETA, at(1), at(5_000));
        Invitation banks = invitation(chat, newCustomer(), at(2));
        invitations.insertAll(List.of(acmes, betas, banks));

        assertEquals(Optional.of(seen(acmes)), invitations.findForPartner(ACME, acmes.id()));
        assertEquals(Optional.of(seen(betas)), invitations.findForPartner(BETA, betas.id()));
        assertEquals(Optional.empty(), invitations.findForPartner(ACME, betas.id()));
        assertEquals(Optional.empty(), invitations.findForPartner(BETA, acmes.id()));
        assertEquals(Optional.empty(), invitations.findForPartner(ACME, banks.id()));
        assertEquals(Optional.empty(), invitations.findForPartner(ACME, "no-such-invitation"));
        database.transactions().inTransaction(() -> {
            assertEquals(Optional.of(acmes), invitations.lockForPartner(ACME, acmes.id()));
            assertEquals(Optional.empty(), invitations.lockForPartner(ACME, betas.id()));
            assertEquals(Optional.empty(), invitations.lockForPartner(BETA, acmes.id()));
            assertEquals(Optional.empty(), invitations.lockForPartner(ACME, banks.id()));
            assertEquals(Optional.empty(), invitations.lockForPartner(ACME, "no-such-invitation"));
            return null;
        });
    }

    @Test
    void lockingOutsideATransactionIsRefused() {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));

        assertThrows(IllegalStateException.class, () -> invitations.lockReadyForPartner(ACME, at(1), 10));
        assertThrows(IllegalStateException.class, () -> invitations.lockForPartner(ACME, mine.id()));
        assertEquals(List.of(seen(mine)), invitations.findReadyForPartner(ACME, at(1), Optional.empty(), 10));
    }

    @Test
    void aLockedInvitationWithAnErasedContactPointFailsNamingNoPersonalData() {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));
        database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE invitation SET contact_value = NULL WHERE invitation_id = ?", mine.id()));

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> database.transactions().inTransaction(() -> invitations.lockForPartner(ACME, mine.id())));

        assertFalse(allMessages(failure).contains(mine.customerId().value()), allMessages(failure));
        assertFalse(allMessages(failure).contains(TestData.EMAIL.value()), allMessages(failure));
    }

    @Test
    void aClaimLocksTheFirstReadyInvitationsAndHandingThemOverTakesThemOffTheList() {
        Instant now = at(100);
        Invitation first = forPartner(ACME, at(0), at(5_000));
        Invitation second = forPartner(ACME, at(1), at(5_000));
        Invitation third = forPartner(ACME, at(2), at(5_000));
        Invitation betas = forPartner(BETA, at(3), at(5_000));
        invitations.insertAll(List.of(third, betas, second, first));
        TokenHash firstToken = newTokenHash();
        TokenHash secondToken = newTokenHash();

        List<Invitation> claimed = database.transactions().inTransaction(() -> {
            List<Invitation> locked = invitations.lockReadyForPartner(ACME, now, 2);
            invitations.handOver(Map.of(first.id(), firstToken, second.id(), secondToken), at(101));
            return locked;
        });

        assertEquals(List.of(first, second), claimed, "the first ready ones by id, as they were when locked");
        assertEquals(Optional.of(withState(first, InvitationState.HANDED_OVER)), invitations.find(first.id()));
        assertEquals(new StoredToken(firstToken.hex(), at(101).toEpochMilli(), at(101).toEpochMilli()),
                storedToken(first.id()));
        assertEquals(new StoredToken(secondToken.hex(), at(101).toEpochMilli(), at(101).toEpochMilli()),
                storedToken(second.id()));
        assertEquals(new StoredToken(null, null, third.createdAt().toEpochMilli()), storedToken(third.id()));
        assertEquals(List.of(seen(third)), invitations.findReadyForPartner(ACME, now, Optional.empty(), 10));
        assertEquals(List.of(seen(betas)), invitations.findReadyForPartner(BETA, now, Optional.empty(), 10));
        assertEquals(Optional.of(seen(withState(first, InvitationState.HANDED_OVER))),
                invitations.findForPartner(ACME, first.id()));
        assertEquals(List.of(third), claim(database, ACME, now, 10));
        assertEquals(List.of(betas), claim(database, BETA, now, 10));
        assertEquals(List.of(), claim(database, ACME, now, 10), "nothing is left to claim");
    }

    @Test
    void anExpiredInvitationIsNeverClaimed() {
        Invitation expiring = forPartner(ACME, at(0), at(100));
        invitations.insertAll(List.of(expiring));

        assertEquals(List.of(), claim(database, ACME, at(100), 10));
        assertEquals(List.of(expiring), claim(database, ACME, at(100).minusMillis(1), 10));
    }

    @Test
    void claimsHandOverEveryInvitationBeyondOneChunk() {
        List<Invitation> ready = new ArrayList<>();
        for (int i = 0; i < 2 * Chunks.SIZE + 500; i++) {
            ready.add(forPartner(ACME, at(i), at(100_000)));
        }
        invitations.insertAll(ready);

        List<Invitation> claimed = claim(database, ACME, at(100_000).minusMillis(1), ready.size() + 1);

        assertEquals(ready, claimed);
        assertEquals(List.of(), invitations.findReadyForPartner(ACME, at(0), Optional.empty(), 10));
        long distinctHashes = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(DISTINCT token_hash) FROM invitation WHERE state = 'HANDED_OVER'")
                .mapTo(long.class)
                .one());
        assertEquals(ready.size(), distinctHashes);
    }

    /** Handing over what was not claimed (no longer pending) fails the transaction rather than give it a token. */
    @Test
    void handingOverAnInvitationThatIsNotPendingFailsAndChangesNothing() {
        Invitation pending = forPartner(ACME, at(0), at(5_000));
        Invitation withdrawn = withState(forPartner(ACME, at(1), at(5_000)), InvitationState.WITHDRAWN);
        invitations.insertAll(List.of(pending, withdrawn));

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            invitations.handOver(Map.of(pending.id(), newTokenHash(), withdrawn.id(), newTokenHash()), at(2));
            return null;
        }));

        assertEquals(Optional.of(pending), invitations.find(pending.id()));
        assertEquals(new StoredToken(null, null, at(0).toEpochMilli()), storedToken(pending.id()));
        assertEquals(new StoredToken(null, null, at(1).toEpochMilli()), storedToken(withdrawn.id()));
    }

    @Test
    void aTokenHashIsNeverStoredTwiceAndTheFailureNamesNeitherItNorPersonalData() {
        Invitation first = forPartner(ACME, at(0), at(5_000));
        Invitation second = forPartner(ACME, at(1), at(5_000));
        Invitation third = forPartner(ACME, at(2), at(5_000));
        invitations.insertAll(List.of(first, second, third));
        TokenHash taken = newTokenHash();
        database.transactions().inTransaction(() -> {
            invitations.lockReadyForPartner(ACME, at(3), 1);
            invitations.handOver(Map.of(first.id(), taken), at(3));
            invitations.lockReadyForPartner(ACME, at(3), 1);
            invitations.handOver(Map.of(second.id(), newTokenHash()), at(3));
            return null;
        });

        RuntimeException onHandOver = assertThrows(RuntimeException.class,
                () -> database.transactions().inTransaction(() -> {
                    invitations.handOver(Map.of(third.id(), taken), at(4));
                    return null;
                }));
        RuntimeException onReplace = assertThrows(RuntimeException.class,
                () -> database.transactions().inTransaction(() -> {
                    invitations.replaceToken(second.id(), taken, at(4));
                    return null;
                }));

        for (RuntimeException failure : List.of(onHandOver, onReplace)) {
            String messages = allMessages(failure);
            assertTrue(messages.contains("token_hash"), messages);
            for (String secret : List.of(taken.hex(), TestData.EMAIL.value(), first.customerId().value(),
                    second.customerId().value(), third.customerId().value())) {
                assertFalse(messages.contains(secret), "the failure repeats a bound value: " + messages);
            }
        }
        assertEquals(Optional.of(third), invitations.find(third.id()));
        assertEquals(taken.hex(), storedToken(first.id()).tokenHash());
        assertFalse(taken.hex().equals(storedToken(second.id()).tokenHash()));
    }

    @Test
    void aNewTokenReplacesTheOldOneAndKeepsTheState() {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));
        TokenHash old = newTokenHash();
        TokenHash fresh = newTokenHash();
        database.transactions().inTransaction(() -> {
            invitations.lockReadyForPartner(ACME, at(1), 1);
            invitations.handOver(Map.of(mine.id(), old), at(1));
            return null;
        });

        database.transactions().inTransaction(() -> {
            invitations.lockForPartner(ACME, mine.id());
            invitations.replaceToken(mine.id(), fresh, at(60));
            return null;
        });

        assertEquals(new StoredToken(fresh.hex(), at(60).toEpochMilli(), at(1).toEpochMilli()),
                storedToken(mine.id()));
        assertEquals(Optional.of(withState(mine, InvitationState.HANDED_OVER)), invitations.find(mine.id()));
        long withOld = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM invitation WHERE token_hash = :hash")
                .bind("hash", old.hex())
                .mapTo(long.class)
                .one());
        assertEquals(0, withOld, "the old token finds nothing");
    }

    @Test
    void aNewTokenOrAReportForNoSuchInvitationFails() {
        assertThrows(IllegalStateException.class,
                () -> invitations.replaceToken("no-such-invitation", newTokenHash(), at(0)));
        assertThrows(IllegalStateException.class, () -> invitations.recordDelivery("no-such-invitation",
                new DeliveryReport(DeliveryOutcome.DELIVERED, at(0))));
    }

    /**
     * While one node's transaction holds a partner's invitation (a reissue or a report), another node's lock of it
     * waits until the first commits, and then reads it as the first left it: here withdrawn by a prohibition.
     */
    @Test
    void aLockedInvitationWaitsForTheHolderAndIsThenReadAsItLeftIt() throws Exception {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));
        claim(database, ACME, at(1), 1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            CountDownLatch locked = new CountDownLatch(1);
            Future<Optional<Invitation>> second = database.transactions().inTransaction(() -> {
                assertEquals(Optional.of(withState(mine, InvitationState.HANDED_OVER)),
                        invitations.lockForPartner(ACME, mine.id()));
                invitations.withdrawOpen(mine.customerId(), at(2));
                Future<Optional<Invitation>> reissue = pool.submit(() -> otherNode.transactions().inTransaction(() -> {
                    Optional<Invitation> found = otherNode.invitations().lockForPartner(ACME, mine.id());
                    locked.countDown();
                    return found;
                }));
                assertThrows(TimeoutException.class, () -> reissue.get(500, TimeUnit.MILLISECONDS),
                        "the other node read the invitation while this transaction held it");
                assertEquals(1, locked.getCount());
                return reissue;
            });

            assertEquals(Optional.of(mine.ended(InvitationState.WITHDRAWN)), second.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A prohibition on another node, withdrawing the customer's open invitations while a claim holds one, waits for
     * the claim and then withdraws what it handed over: a claimed invitation never escapes the withdrawal.
     */
    @Test
    void aWithdrawalWaitsForAClaimAndWithdrawsWhatItHandedOver() throws Exception {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            Future<List<Invitation>> withdrawal = database.transactions().inTransaction(() -> {
                assertEquals(List.of(mine), invitations.lockReadyForPartner(ACME, at(1), 10));
                invitations.handOver(Map.of(mine.id(), newTokenHash()), at(1));
                Future<List<Invitation>> prohibition = pool.submit(() -> otherNode.transactions().inTransaction(
                        () -> otherNode.invitations().withdrawOpen(mine.customerId(), at(2))));
                assertThrows(TimeoutException.class, () -> prohibition.get(500, TimeUnit.MILLISECONDS),
                        "the withdrawal went on while the claim still held the invitation");
                return prohibition;
            });

            assertEquals(List.of(mine.ended(InvitationState.WITHDRAWN)), withdrawal.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(), claim(database, ACME, at(3), 10));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Threads on two nodes claim one partner's 200 ready invitations, each claim in its own transaction, until none
     * is left: every invitation is handed out exactly once, with a token of its own.
     */
    @RepeatedTest(3)
    void concurrentClaimsOnTwoNodesHandOutEveryInvitationExactlyOnce() throws Exception {
        List<Invitation> ready = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ready.add(forPartner(ACME, at(i), at(100_000)));
        }
        invitations.insertAll(ready);
        invitations.insertAll(List.of(forPartner(BETA, at(0), at(100_000))));

        try (Database otherNode = openAnotherNode()) {
            List<List<String>> claimedByThread = Races.onTwoNodes(database, otherNode, THREADS, (node, thread) -> {
                List<String> mine = new ArrayList<>();
                List<Invitation> claimed;
                do {
                    claimed = claim(node, ACME, at(1_000), 7);
                    claimed.forEach(invitation -> mine.add(invitation.id()));
                } while (!claimed.isEmpty());
                return mine;
            });

            Set<String> handedOut = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            claimedByThread.stream().flatMap(List::stream).filter(id -> !handedOut.add(id)).forEach(twice::add);
            assertEquals(Set.of(), twice, "invitations handed out twice");
            assertEquals(new HashSet<>(ready.stream().map(Invitation::id).toList()), handedOut);
            List<Long> stored = database.jdbi().withHandle(handle -> handle.createQuery("""
                            SELECT COUNT(*), COUNT(DISTINCT token_hash) FROM invitation
                            WHERE partner_id = :partner AND state = 'HANDED_OVER'""")
                    .bind("partner", ACME.value())
                    .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2)))
                    .one());
            assertEquals(List.of(200L, 200L), stored);
            assertEquals(1, invitations.findReadyForPartner(BETA, at(1_000), Optional.empty(), 10).size());
        }
    }

    // ---- answering: a token finds its invitation, which is used once ----

    /** Hands the invitation over with the token, as a claim does (the caller of handOver holds the row). */
    private void handOver(Invitation invitation, TokenHash token, Instant at) {
        database.transactions().inTransaction(() -> {
            invitations.handOver(Map.of(invitation.id(), token), at);
            return null;
        });
    }

    private void setTokenHash(String invitationId, TokenHash token) {
        database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE invitation SET token_hash = ? WHERE invitation_id = ?", token.hex(), invitationId));
    }

    /** Through a link's life: handed over, given a new token, then ended by expiry or a withdrawal. */
    @Test
    void aTokenFindsItsInvitationWhileItIsTheCurrentOneWhateverTheState() {
        Invitation expiring = forPartner(ACME, at(0), at(100));
        Invitation withdrawing = forPartner(ACME, at(1), at(5_000));
        invitations.insertAll(List.of(expiring, withdrawing));
        TokenHash first = newTokenHash();
        TokenHash second = newTokenHash();
        TokenHash withdrawingToken = newTokenHash();
        handOver(expiring, first, at(10));
        handOver(withdrawing, withdrawingToken, at(10));
        assertEquals(Optional.of(withState(expiring, InvitationState.HANDED_OVER)),
                invitations.findLinkTarget(first).map(LinkTarget::invitation));

        database.transactions().inTransaction(() -> {
            invitations.replaceToken(expiring.id(), second, at(20));
            return null;
        });
        assertEquals(Optional.empty(), invitations.findLinkTarget(first).map(LinkTarget::invitation), "the old link finds nothing");
        assertEquals(Optional.of(withState(expiring, InvitationState.HANDED_OVER)),
                invitations.findLinkTarget(second).map(LinkTarget::invitation));

        database.transactions().inTransaction(() -> invitations.expireDue(at(100)));
        invitations.withdrawOpen(withdrawing.customerId(), at(30));
        assertEquals(Optional.of(expiring.ended(InvitationState.EXPIRED)), invitations.findLinkTarget(second).map(LinkTarget::invitation));
        assertEquals(Optional.of(withdrawing.ended(InvitationState.WITHDRAWN)),
                invitations.findLinkTarget(withdrawingToken).map(LinkTarget::invitation));
        assertEquals(Optional.empty(), invitations.findLinkTarget(newTokenHash()).map(LinkTarget::invitation), "an unknown token finds nothing");
    }

    /** Whatever state a row with that hash is in, it is returned: telling answerable from not is the caller's. */
    @Test
    void aTokenHashFindsItsInvitationInEveryState() {
        for (InvitationState state : InvitationState.values()) {
            Invitation invitation = withState(forPartner(ACME, at(0), at(5_000)), state);
            invitations.insertAll(List.of(invitation));
            TokenHash token = newTokenHash();
            setTokenHash(invitation.id(), token);

            assertEquals(Optional.of(invitation), invitations.findLinkTarget(token).map(LinkTarget::invitation), state::name);
        }
        assertEquals(Optional.empty(), invitations.findLinkTarget(newTokenHash()).map(LinkTarget::invitation));
    }

    /** The link's survey comes with it, as it is now: its state, anonymity and languages, in one read. */
    @Test
    void aTokenFindsItsSurveysStateAnonymityAndLanguagesWithItsInvitation() {
        Invitation invitation = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(invitation));
        TokenHash token = newTokenHash();
        handOver(invitation, token, at(10));
        Survey survey = database.surveys().find(study).orElseThrow();

        LinkTarget target = invitations.findLinkTarget(token).orElseThrow();

        assertEquals(withState(invitation, InvitationState.HANDED_OVER), target.invitation());
        assertEquals(SurveyState.ACTIVE, target.surveyState());
        assertEquals(survey.definition().anonymous(), target.anonymous());
        assertEquals(survey.definition().languages(), target.languages());

        database.surveys().update(new Survey(survey.id(), survey.definition(), SurveyState.CLOSED,
                survey.createdAt(), at(20)));
        assertEquals(SurveyState.CLOSED, invitations.findLinkTarget(token).orElseThrow().surveyState());
    }

    @Test
    void onlyAHandedOverUnexpiredInvitationIsAnsweredAndAnsweringErasesItsContactPointAndToken() {
        Invitation pending = forPartner(ACME, at(0), at(5_000));
        Invitation handedOver = forPartner(ACME, at(1), at(5_000));
        Invitation expiring = forPartner(ACME, at(2), at(100));
        Invitation withdrawn = forPartner(ACME, at(3), at(5_000));
        invitations.insertAll(List.of(pending, handedOver, expiring, withdrawn));
        TokenHash token = newTokenHash();
        TokenHash expiringToken = newTokenHash();
        handOver(handedOver, token, at(10));
        handOver(expiring, expiringToken, at(10));
        handOver(withdrawn, newTokenHash(), at(10));
        invitations.withdrawOpen(withdrawn.customerId(), at(20));

        assertFalse(invitations.markAnswered(pending.id(), at(30), at(30)), "not handed over");
        assertFalse(invitations.markAnswered(withdrawn.id(), at(30), at(30)), "withdrawn");
        assertFalse(invitations.markAnswered(expiring.id(), at(100), at(100)), "expires at that moment");
        assertFalse(invitations.markAnswered("no-such-invitation", at(30), at(30)));
        assertEquals(Optional.of(pending), invitations.find(pending.id()));
        assertEquals(Optional.of(withdrawn.ended(InvitationState.WITHDRAWN)), invitations.find(withdrawn.id()));
        assertEquals(Optional.of(withState(expiring, InvitationState.HANDED_OVER)), invitations.find(expiring.id()));
        assertEquals(new StoredToken(expiringToken.hex(), at(10).toEpochMilli(), at(10).toEpochMilli()),
                storedToken(expiring.id()), "a refused answer changes nothing");
        assertTrue(invitations.markAnswered(expiring.id(), at(100).minusMillis(1), at(100)), "a moment before");

        assertTrue(invitations.markAnswered(handedOver.id(), at(40), at(41)));

        assertEquals(Optional.of(handedOver.ended(InvitationState.ANSWERED)), invitations.find(handedOver.id()),
                "answered, its contact point erased");
        assertEquals(new StoredToken(null, at(10).toEpochMilli(), at(41).toEpochMilli()),
                storedToken(handedOver.id()), "its token erased, its state time the recorded one");
        assertEquals(Optional.empty(), invitations.findLinkTarget(token).map(LinkTarget::invitation), "a used link finds nothing");
        assertFalse(invitations.markAnswered(handedOver.id(), at(42), at(42)), "used once");
        assertEquals(new StoredToken(null, at(10).toEpochMilli(), at(41).toEpochMilli()),
                storedToken(handedOver.id()));
    }

    /**
     * Fifty submissions of one link at once, on two nodes, each in its own transaction storing an answer if it used
     * the invitation: exactly one uses it, so exactly one answer is stored. No customer lock is taken here, so this
     * checks the conditional statement itself (on PostgreSQL, READ COMMITTED's re-check after the winner commits).
     */
    @RepeatedTest(3)
    void fiftySubmissionsOnTwoNodesAtOnceUseTheInvitationOnce() throws Exception {
        Invitation mine = forPartner(ACME, at(0), at(5_000));
        invitations.insertAll(List.of(mine));
        handOver(mine, newTokenHash(), at(1));

        try (Database otherNode = openAnotherNode()) {
            List<Boolean> used = Races.onTwoNodes(database, otherNode, 50, (node, thread) ->
                    node.transactions().inTransaction(() -> {
                        boolean won = node.invitations().markAnswered(mine.id(), at(10), at(10).plusMillis(thread));
                        if (won) {
                            node.answers().insert(identifiedAnswer(study, mine.customerId(), mine.id(), thread % 11,
                                    Optional.empty(), at(10)));
                        }
                        return won;
                    }));

            assertEquals(1, used.stream().filter(won -> won).count(), used::toString);
            int winner = used.indexOf(true);
            assertEquals(at(10).plusMillis(winner).toEpochMilli(), storedToken(mine.id()).stateChangedAt());
            long answers = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM identified_answer WHERE invitation_id = :id")
                    .bind("id", mine.id())
                    .mapTo(long.class)
                    .one());
            assertEquals(1, answers);
        }
    }

    // ---- invitations ending: contact points erased ----

    private Invitation inState(Invitation invitation, InvitationState state) {
        return new Invitation(invitation.id(), invitation.surveyId(), invitation.customerId(), invitation.language(),
                invitation.deliveryChannel(), invitation.contactPoint(), invitation.deliverer(), invitation.channel(),
                invitation.controller(), invitation.createdAt(), invitation.expiresAt(), state);
    }

    @Test
    void withdrawingErasesTheContactPointInTheSameStatement() {
        CustomerId customer = newCustomer();
        Invitation open = invitation(chat, customer, at(0));
        database.transactions().inTransaction(() -> {
            invitations.insertAll(List.of(open));
            return null;
        });

        List<Invitation> withdrawn = database.transactions().inTransaction(
                () -> invitations.withdrawOpen(customer, at(5)));

        assertEquals(List.of(open.ended(InvitationState.WITHDRAWN)), withdrawn);
        assertEquals(Optional.of(open.ended(InvitationState.WITHDRAWN)), invitations.find(open.id()));
        assertEquals(Map.of(customer, List.of(at(0))), invitations.invitedSince(List.of(customer), at(-1)),
                "the contact-frequency rule still counts it");
    }

    @Test
    void openInvitationsEndWhenTheirExpiryComesAndOnlyThen() {
        Invitation due = invitation(chat, newCustomer(), at(0));          // expires at(0) + 7 days
        Invitation later = invitation(chat, newCustomer(), at(1));
        Invitation ended = inState(invitation(chat, newCustomer(), at(0)), InvitationState.ANSWERED);
        database.transactions().inTransaction(() -> {
            invitations.insertAll(List.of(due, later, ended));
            return null;
        });

        assertEquals(List.of(), database.transactions().inTransaction(
                () -> invitations.expireDue(due.expiresAt().minusMillis(1))));
        List<Invitation> expired = database.transactions().inTransaction(
                () -> invitations.expireDue(due.expiresAt()));

        assertEquals(List.of(due.ended(InvitationState.EXPIRED)), expired);
        assertEquals(InvitationState.PENDING, invitations.find(later.id()).orElseThrow().state());
        assertEquals(InvitationState.ANSWERED, invitations.find(ended.id()).orElseThrow().state(), "ended stays ended");
        assertTrue(invitations.find(ended.id()).orElseThrow().contactPoint().isPresent(), "until the sweep");

        assertEquals(1, database.transactions().inTransaction(() -> invitations.eraseEndedContactPoints()));
        assertEquals(Optional.empty(), invitations.find(ended.id()).orElseThrow().contactPoint());
        assertTrue(invitations.find(later.id()).orElseThrow().contactPoint().isPresent(), "open ones keep theirs");
        assertEquals(0, database.transactions().inTransaction(() -> invitations.eraseEndedContactPoints()));
    }

    /** The expiry job runs on every node; each invitation is ended by exactly one run. */
    @RepeatedTest(3)
    void expiryRunsOnTwoNodesAtOnceEndEachInvitationOnce() throws Exception {
        List<Invitation> due = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            due.add(invitation(chat, newCustomer(), at(0)));
        }
        database.transactions().inTransaction(() -> {
            invitations.insertAll(due);
            return null;
        });
        Instant now = due.get(0).expiresAt();

        try (Database otherNode = openAnotherNode()) {
            List<List<Invitation>> runs = Races.onTwoNodes(database, otherNode, 6,
                    (node, thread) -> node.transactions().inTransaction(() -> node.invitations().expireDue(now)));
            List<String> ended = runs.stream().flatMap(List::stream).map(Invitation::id).toList();
            assertEquals(due.size(), ended.size(), "none twice, none missed");
            assertEquals(due.stream().map(Invitation::id).sorted().toList(), ended.stream().sorted().toList());
        }
    }

    @Test
    void anErasureRemovesTheCustomersInvitationsAndTheirQueueEntriesOnly() {
        CustomerId customer = newCustomer();
        CustomerId other = newCustomer();
        Invitation first = invitation(chat, customer, at(0));
        Invitation second = inState(invitation(chat, customer, at(1)), InvitationState.ANSWERED);
        Invitation theirs = invitation(chat, other, at(2));
        database.transactions().inTransaction(() -> {
            invitations.insertAll(List.of(first, second, theirs));
            database.bankDeliveryQueue().markReady(List.of(first.id(), theirs.id()), at(3));
            return null;
        });

        List<String> removed = database.transactions().inTransaction(() -> invitations.deleteByCustomer(customer));

        assertEquals(List.of(first.id(), second.id()).stream().sorted().toList(), removed);
        assertEquals(List.of(), invitations.findByCustomer(customer));
        assertEquals(List.of(theirs), invitations.findByCustomer(other));
        assertEquals(1, database.bankDeliveryQueue().countReady(), "only the other customer's entry is left");
        assertEquals(Map.of(), invitations.invitedSince(List.of(customer), at(-1)), "nothing is left of them");
    }
}
