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
import java.util.ArrayList;
import java.util.List;
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
        // the feed may hold other tests' entries (the class shares one service): look for this invitation's
        JsonNode changes = send(200, Call.get("/api/v1/partner/changes").key(partnerKey)).json();
        List<JsonNode> mine = new ArrayList<>();
        changes.get("changes").forEach(change -> {
            if (change.get("invitationId").asText().equals(id)) {
                mine.add(change);
            }
        });
        assertEquals(1, mine.size(), changes.toString());
        assertEquals("WITHDRAWN", mine.get(0).get("kind").asText());
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

    @Test
    void anErasureRequestRemovesTheCustomersInvitationsKeepsTheProhibitionAndIsAudited() throws Exception {
        event("erase-1", "C-erase");
        String cs = cluster.key("CUSTOMER_SERVICE");
        send(201, Call.put("/api/v1/customers/C-erase/prohibition").key(cs).json("{\"agentId\":\"agent-1\"}"));
        assertTrue(storedInvitations().contains("C-erase"), "the customer's withdrawn invitation is stored");

        JsonNode erased = send(200, Call.delete("/api/v1/customers/C-erase/survey-data").key(cluster.key("ADMIN"))).json();

        assertEquals(1, erased.get("invitationsRemoved").asInt());
        assertFalse(storedInvitations().contains("C-erase"), "nothing of the customer is left among invitations");
        assertTrue(send(200, Call.get("/api/v1/customers/C-erase/prohibition").key(cs)).json().get("prohibited")
                .asBoolean(), "the prohibition must still be honoured");
        assertEquals(1, send(200, Call.get("/api/v1/customers/C-erase/prohibition/history").key(cs)).json()
                .get("changes").size());
        String audit = send(200, Call.get("/api/v1/audit?from=2026-01-01T00:00:00Z&to="
                + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).key(cluster.key("ADMIN")))
                .text();
        assertTrue(audit.contains("ERASE_CUSTOMER_DATA"), audit);
        assertFalse(audit.contains("C-erase"), "the audit never names the customer");
    }
}
