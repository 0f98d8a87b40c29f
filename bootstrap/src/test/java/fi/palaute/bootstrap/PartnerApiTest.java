package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's day through the real composition on SQLite: claim, a lost message re-issued, delivery reported, a
 * customer's prohibition arriving through the change feed, and the audit trail an admin reads afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerApiTest {

    @TempDir
    static Path dir;

    private TestCluster cluster;
    private ContractClient client;
    private String partnerKey;

    @BeforeAll
    void start() {
        cluster = TestCluster.sqlite(dir);
        client = ContractClient.onPort(cluster.nodes().get(0).port());
        partnerKey = ActiveSurveys.partnerSmsOnBranch(client, cluster.key("ADMIN"), "taloustutkimus");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private Answer send(int status, Call call) {
        Answer answer = client.send(call);
        assertEquals(status, answer.status(), answer.text());
        return answer;
    }

    private void event(String eventId, String customer) {
        send(200, Call.post("/api/v1/service-events").key(cluster.key("EVENT_SOURCE")).json("""
                {"eventId":"%s","customerId":"%s","channel":"BRANCH","occurredAt":"%s","controller":"OP",
                 "language":"fi","mobile":"+358 40 123 4567"}""".formatted(eventId, customer,
                Instant.now().truncatedTo(ChronoUnit.SECONDS))));
    }

    /** Every text column of every invitation row, as one string: what the database holds about invitations. */
    private String storedInvitations() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("palaute.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM invitation")) {
            while (r.next()) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    all.append(r.getString(i)).append('|');
                }
            }
        }
        return all.toString();
    }

    @Test
    void claimReissueDeliverAndLearnOfAProhibition() throws Exception {
        event("b-1", "C-partner-1");
        JsonNode ready = send(200, Call.get("/api/v1/partner/invitations").key(partnerKey)).json();
        String id = ready.get("invitations").get(0).get("invitationId").asText();
        assertFalse(ready.toString().contains("C-partner-1"), "never the customer id");

        JsonNode claimed = send(200, Call.post("/api/v1/partner/invitations/claim").key(partnerKey)
                .json("{\"limit\":10}")).json().get("invitations").get(0);
        String link = claimed.get("link").asText();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertEquals(id, claimed.get("invitationId").asText());
        assertEquals("+358401234567", claimed.get("contactPoint").get("value").asText());
        assertTrue(claimed.get("text").get("body").asText().contains(link), "the text carries the link");
        assertTrue(claimed.get("text").get("body").asText().contains("OP ei koskaan pyydä"), "and the notice");
        assertFalse(claimed.toString().contains("C-partner-1"));
        assertFalse(storedInvitations().contains(token), "the database holds no token");
        assertEquals(0, send(200, Call.post("/api/v1/partner/invitations/claim").key(partnerKey)
                .json("{\"limit\":10}")).json().get("invitations").size(), "claimed once");

        JsonNode reissued = send(200, Call.post("/api/v1/partner/invitations/" + id + "/reissue").key(partnerKey)).json();
        assertNotEquals(link, reissued.get("link").asText());
        String shown = send(200, Call.get("/api/v1/partner/invitations/" + id).key(partnerKey)).text();
        assertFalse(shown.contains("/s/"), "a link is shown only when it is made");

        send(204, Call.post("/api/v1/partner/invitations/" + id + "/delivery").key(partnerKey)
                .json("{\"outcome\":\"DELIVERED\",\"at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}"));
        assertEquals("DELIVERED", send(200, Call.get("/api/v1/partner/invitations/" + id).key(partnerKey)).json()
                .get("lastDelivery").get("outcome").asText());

        send(201, Call.put("/api/v1/customers/C-partner-1/prohibition").key(cluster.key("CUSTOMER_SERVICE"))
                .json("{\"agentId\":\"agent-1\"}"));
        JsonNode changes = send(200, Call.get("/api/v1/partner/changes").key(partnerKey)).json();
        assertEquals(1, changes.get("changes").size(), changes.toString());
        assertEquals(id, changes.get("changes").get(0).get("invitationId").asText());
        assertEquals("WITHDRAWN", changes.get("changes").get(0).get("kind").asText());
        JsonNode again = send(200, Call.get("/api/v1/partner/changes?after=" + changes.get("next").asText())
                .key(partnerKey)).json();
        assertEquals(0, again.get("changes").size(), "nothing twice");
        assertEquals("WITHDRAWN", send(200, Call.get("/api/v1/partner/invitations/" + id).key(partnerKey)).json()
                .get("state").asText());

        JsonNode audit = send(200, Call.get("/api/v1/audit?partnerId=taloustutkimus&from=2026-01-01T00:00:00Z&to="
                + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).key(cluster.key("ADMIN")))
                .json();
        String actions = audit.get("entries").toString();
        for (String action : new String[] {"LIST_INVITATIONS", "CLAIM_INVITATIONS", "REISSUE_INVITATION",
                "SHOW_INVITATION", "REPORT_DELIVERY", "READ_CHANGES"}) {
            assertTrue(actions.contains(action), action + " in " + actions);
        }
        assertFalse(actions.contains(token) || actions.contains("+358401234567"), "no token or contact point");
    }
}
