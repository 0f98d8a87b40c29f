package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.persistence.Database;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey programme through the real composition on SQLite, as its users meet it: the survey team registers a
 * partner and sets up surveys, a channel reports events, a study list is run, and what was stored is read back from
 * the database. Each step checks what a user would notice, and that refused input changed nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyProgrammeTest {

    @TempDir
    static Path dir;

    private TestCluster cluster;
    private ContractClient client;
    private Database database;
    private String admin;
    private String events;

    @BeforeAll
    void start() {
        cluster = TestCluster.sqlite(dir);
        client = ContractClient.onPort(cluster.nodes().get(0).port());
        database = cluster.openDatabase();
        admin = cluster.key("ADMIN");
        events = cluster.key("EVENT_SOURCE");
    }

    @AfterAll
    void stop() {
        database.close();
        cluster.close();
    }

    private Answer send(int status, Call call) {
        Answer answer = client.send(call);
        assertEquals(status, answer.status(), answer.text());
        return answer;
    }

    private static String event(String eventId, String customer, Instant occurredAt, String contact) {
        return """
                {"eventId":"%s","customerId":"%s","channel":"CHAT","occurredAt":"%s","controller":"OP-Retail",
                 "language":"sv"%s}""".formatted(eventId, customer, occurredAt, contact);
    }

    private Call post(String... events) {
        return Call.post("/api/v1/service-events").key(this.events)
                .json(events.length == 1 ? events[0] : "[" + String.join(",", events) + "]");
    }

    private static String reason(Answer answer, int index) {
        return answer.json().get("results").get(index).get("decisions").get(0).get("reason").asText();
    }

    @Test
    void aPartnerKeyWorksUntilItIsRevoked() throws InterruptedException {
        send(201, Call.post("/api/v1/partners").key(admin).json("{\"partnerId\":\"taloustutkimus\",\"name\":\"Taloustutkimus\"}"));
        send(409, Call.post("/api/v1/partners").key(admin).json("{\"partnerId\":\"taloustutkimus\",\"name\":\"Other\"}"));
        JsonNode issued = send(201, Call.post("/api/v1/partners/taloustutkimus/keys").key(admin).json("{\"label\":\"delivery\"}"))
                .json();
        String partnerKey = issued.get("key").asText();
        assertEquals("PARTNER", issued.get("role").asText());
        String listed = send(200, Call.get("/api/v1/partners/taloustutkimus/keys").key(admin)).text();
        assertFalse(listed.contains(partnerKey), "a key is shown once, when it is made");

        // a partner key is a real key: it is refused (403) where only admins may go, not unknown (401)
        assertEquals(403, client.send(Call.get("/api/v1/surveys").key(partnerKey)).status());
        send(204, Call.delete("/api/v1/partners/taloustutkimus/keys/" + issued.get("keyId").asText()).key(admin));
        send(404, Call.delete("/api/v1/partners/taloustutkimus/keys/" + issued.get("keyId").asText()).key(admin));
        awaitForgotten(partnerKey);
        assertEquals(401, client.send(Call.get("/api/v1/surveys").key(partnerKey)).status(), "revoked: unknown now");
    }

    /** A found key is remembered for a second per node; after that a revoked key is unknown. */
    private void awaitForgotten(String key) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (client.send(Call.get("/api/v1/surveys").key(key)).status() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void eventsAreDecidedStoredAndCountedAndARedeliveryChangesNothing() {
        String surveyId = ActiveSurveys.emailOnChat(client, admin); // Finnish only
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Answer first = send(200, post(
                event("e2e-1", "C-e2e-1", now, ",\"email\":\"anna@example.fi\""),
                event("e2e-2", "C-e2e-1", now, ",\"email\":\"anna@example.fi\""),
                event("e2e-3", "C-e2e-2", now.minus(8, ChronoUnit.DAYS), ",\"email\":\"bo@example.fi\""),
                event("e2e-4", "C-e2e-3", now, "")));
        assertEquals(List.of("INVITED", "RESTING", "STALE", "NO_CONTACT_POINT"),
                List.of(reason(first, 0), reason(first, 1), reason(first, 2), reason(first, 3)));

        List<Invitation> stored = database.invitations().findByCustomer(new CustomerId("C-e2e-1"));
        assertEquals(1, stored.size());
        assertEquals("fi", stored.get(0).language().code(), "the survey is not offered in Swedish: its first language");
        assertEquals(InvitationState.PENDING, stored.get(0).state());
        assertTrue(database.bankDeliveryQueue().countReady() >= 1, "the bank's own sender has it queued");

        Answer again = send(200, post(event("e2e-1", "C-e2e-1", now, ",\"email\":\"anna@example.fi\"")));
        assertTrue(again.json().get("results").get(0).get("redelivery").asBoolean());
        assertEquals("INVITED", reason(again, 0), "the first decision, unchanged");
        assertEquals(1, database.invitations().findByCustomer(new CustomerId("C-e2e-1")).size());

        // refused input changes nothing: an event from the future fails its whole batch
        Answer future = client.sendBad(post(
                event("e2e-5", "C-e2e-5", now, ",\"email\":\"c@example.fi\""),
                event("e2e-6", "C-e2e-6", now.plus(1, ChronoUnit.HOURS), "")));
        assertEquals(400, future.status());
        assertTrue(future.text().contains("body[1].occurredAt"), future.text());
        assertEquals(List.of(), database.invitations().findByCustomer(new CustomerId("C-e2e-5")));

        // setting a prohibition withdraws the open invitation at once
        send(201, Call.put("/api/v1/customers/C-e2e-1/prohibition").key(cluster.key("CUSTOMER_SERVICE"))
                .json("{\"agentId\":\"agent-1\"}"));
        assertEquals(InvitationState.WITHDRAWN,
                database.invitations().findByCustomer(new CustomerId("C-e2e-1")).get(0).state());

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).toString();
        JsonNode day = send(200, Call.get("/api/v1/surveys/" + surveyId + "/funnel?from=" + today + "&to=" + today)
                .key(admin)).json().get("days").get(0);
        assertEquals(1, day.get("INVITED").asInt());
        assertEquals(1, day.get("RESTING").asInt());
        assertEquals(1, day.get("STALE").asInt());
        assertEquals(1, day.get("NO_CONTACT_POINT").asInt());
        assertEquals(1, day.get("REDELIVERED").asInt());
        assertFalse(day.toString().contains("C-e2e"), "no customer in the funnel");
    }

    @Test
    void aStudyRunsTheSameChecksFromProhibitedOn() {
        String study = """
                {"name":"Relationship study","kind":"STUDY","deliveryChannel":"SMS","deliveredBy":"BANK",
                 "anonymous":true,"languages":["en"]""";
        String id = send(201, Call.post("/api/v1/surveys").key(admin).json(study + "}")).json().get("surveyId").asText();
        send(409, Call.put("/api/v1/surveys/" + id).key(admin).json(study + ",\"state\":\"ACTIVE\"}"));
        send(200, Call.put("/api/v1/surveys/" + id + "/templates/SMS/en").key(admin)
                .json("{\"body\":\"OP asks: how did we do? {{surveyLink}}\"}"));
        send(200, Call.put("/api/v1/surveys/" + id).key(admin).json(study + ",\"state\":\"ACTIVE\"}"));
        send(201, Call.put("/api/v1/customers/C-study-no/prohibition").key(cluster.key("SELF_SERVICE"))
                .json("{\"channel\":\"WEB\"}"));

        JsonNode decisions = send(200, Call.post("/api/v1/surveys/" + id + "/studies").key(admin).json("""
                {"controller":"OP-Retail","customers":[{"customerId":"C-study-no","mobile":"040 111 2222"},
                 {"customerId":"C-study-yes","mobile":"+358 50 123 4567"},{"customerId":"C-study-mail",
                 "email":"x@example.fi"}]}""")).json().get("decisions");

        assertEquals("PROHIBITED", decisions.get(0).get("reason").asText());
        assertEquals("INVITED", decisions.get(1).get("reason").asText());
        assertEquals("NO_CONTACT_POINT", decisions.get(2).get("reason").asText(), "an SMS study needs a mobile");
        Invitation invited = database.invitations().findByCustomer(new CustomerId("C-study-yes")).get(0);
        assertEquals("+358501234567", invited.contactPoint().orElseThrow().value(), "normalised to E.164");
    }
}
