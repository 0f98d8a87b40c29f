package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.persistence.Database;
import fi.palaute.bootstrap.SimultaneousCalls.Aimed;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The invitation rules that two requests must not both win, raced over every node of a cluster (R-TRIGGER,
 * R-OPTOUT): a prohibition and an event for one customer never leave an open invitation behind; simultaneous
 * events for one customer make one invitation inside the rest period; one event delivered twice at once is decided
 * once. What the nodes stored is read from the database itself, not from their answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractInvitationRaceTest {

    private static final int ROUNDS = 20;
    private static final int SIMULTANEOUS = 6;

    protected abstract TestCluster startCluster() throws Exception;

    private TestCluster cluster;
    private List<ContractClient> clients;
    private Database database;
    private String surveyId;
    private final ExecutorService pool = Executors.newFixedThreadPool(SIMULTANEOUS);

    @BeforeAll
    void start() throws Exception {
        cluster = startCluster();
        clients = cluster.nodes().stream().map(node -> ContractClient.onPort(node.port())).toList();
        database = cluster.openDatabase();
        surveyId = ActiveSurveys.emailOnChat(clients.get(0), cluster.key("ADMIN"));
        ActiveSurveys.raiseBudget(clients.get(0), cluster.key("ADMIN"), "EVENT_SOURCE");
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        database.close();
        cluster.close();
    }

    @Test
    void aProhibitionAndAnEventRacingNeverLeaveAnOpenInvitation() throws Exception {
        int invitedFirst = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String customer = freshCustomer();
            List<Answer> answers = SimultaneousCalls.send(pool, List.of(
                    new Aimed(node(round), Call.put("/api/v1/customers/" + customer + "/prohibition")
                            .key(cluster.key("CUSTOMER_SERVICE")).json("{\"agentId\":\"agent-1\"}")),
                    new Aimed(node(round + 1), event("ev-" + customer, customer))));

            assertEquals(201, answers.get(0).status(), answers.get(0).text());
            String reason = onlyReason(answers.get(1));
            List<Invitation> stored = database.invitations().findByCustomer(new CustomerId(customer));
            assertTrue(stored.stream().noneMatch(invitation -> invitation.state().isOpen()),
                    "round " + round + ": an invitation outlived the prohibition: " + stored);
            if (reason.equals("INVITED")) {
                invitedFirst++;
                assertEquals(1, stored.size());
                assertEquals(InvitationState.WITHDRAWN, stored.get(0).state());
            } else {
                assertEquals("PROHIBITED", reason, "round " + round);
                assertEquals(List.of(), stored);
            }
        }
        System.out.printf("prohibition/event race: the event came first in %d of %d rounds%n", invitedFirst, ROUNDS);
    }

    @Test
    void simultaneousEventsForOneCustomerMakeOneInvitation() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String customer = freshCustomer();
            List<Aimed> calls = new ArrayList<>();
            for (int i = 0; i < SIMULTANEOUS; i++) {
                calls.add(new Aimed(node(round + i), event("ev-" + customer + "-" + i, customer)));
            }
            List<String> reasons = SimultaneousCalls.send(pool, calls).stream()
                    .map(AbstractInvitationRaceTest::onlyReason).toList();

            assertEquals(1, reasons.stream().filter("INVITED"::equals).count(), "round " + round + ": " + reasons);
            assertEquals(SIMULTANEOUS - 1, reasons.stream().filter("RESTING"::equals).count(), reasons.toString());
            assertEquals(1, database.invitations().findByCustomer(new CustomerId(customer)).size());
        }
    }

    @Test
    void oneEventDeliveredSeveralTimesAtOnceIsDecidedOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String customer = freshCustomer();
            List<Aimed> calls = new ArrayList<>();
            for (int i = 0; i < SIMULTANEOUS; i++) {
                calls.add(new Aimed(node(round + i), event("ev-" + customer, customer)));
            }
            List<JsonNode> results = SimultaneousCalls.send(pool, calls).stream()
                    .map(answer -> answer.json().get("results").get(0)).toList();

            assertEquals(1, results.stream().filter(r -> !r.get("redelivery").asBoolean()).count(), results.toString());
            assertTrue(results.stream().allMatch(r -> r.get("decisions").equals(results.get(0).get("decisions"))),
                    "every redelivery gets the first decisions: " + results);
            assertEquals(1, database.invitations().findByCustomer(new CustomerId(customer)).size());
        }
    }

    /** R-PARTNER, issue 3: claims racing on every node never hand one invitation to two claims. */
    @Test
    void claimsRacingOnEveryNodeHandOutEachInvitationOnce() throws Exception {
        String partnerKey = ActiveSurveys.partnerSmsOnBranch(clients.get(0), cluster.key("ADMIN"), "race-partner");
        int invitations = 240;
        List<String> events = new ArrayList<>();
        for (int i = 0; i < invitations; i++) {
            events.add("""
                    {"eventId":"branch-%d","customerId":"%s","channel":"BRANCH","occurredAt":"%s","controller":"OP",
                     "language":"fi","mobile":"040 555 %04d"}""".formatted(i, freshCustomer(), Instant.now(), i));
        }
        Answer recorded = clients.get(0).send(Call.post("/api/v1/service-events").key(cluster.key("EVENT_SOURCE"))
                .json("[" + String.join(",", events) + "]"));
        assertEquals(200, recorded.status(), recorded.text());

        List<Aimed> claims = new ArrayList<>();
        for (int i = 0; i < SIMULTANEOUS; i++) {
            claims.add(new Aimed(node(i), Call.post("/api/v1/partner/invitations/claim").key(partnerKey)
                    .json("{\"limit\":60}")));
        }
        List<String> claimed = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Answer answer : SimultaneousCalls.send(pool, claims)) {
            assertEquals(200, answer.status(), answer.text());
            answer.json().get("invitations").forEach(i -> {
                claimed.add(i.get("invitationId").asText());
                links.add(i.get("link").asText());
            });
        }
        assertEquals(invitations, claimed.size(), "all were claimed: " + claimed.size());
        assertEquals(invitations, claimed.stream().distinct().count(), "none twice");
        assertEquals(invitations, links.stream().distinct().count(), "each with its own link");
    }

    private ContractClient node(int index) {
        return clients.get(index % clients.size());
    }

    private Call event(String eventId, String customer) {
        return Call.post("/api/v1/service-events").key(cluster.key("EVENT_SOURCE")).json("""
                {"eventId":"%s","customerId":"%s","channel":"CHAT","occurredAt":"%s","controller":"OP-Retail",
                 "language":"fi","email":"race@example.fi"}""".formatted(eventId, customer, Instant.now()));
    }

    private static String onlyReason(Answer answer) {
        assertEquals(200, answer.status(), answer.text());
        JsonNode decisions = answer.json().get("results").get(0).get("decisions");
        assertEquals(1, decisions.size(), decisions.toString());
        return decisions.get(0).get("reason").asText();
    }

    private static String freshCustomer() {
        return "race-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
