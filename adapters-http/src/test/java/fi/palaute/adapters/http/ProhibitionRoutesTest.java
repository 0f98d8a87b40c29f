package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.access.Role;
import org.junit.jupiter.api.Test;

class ProhibitionRoutesTest {

    private static final String CS = keyFor(Role.CUSTOMER_SERVICE);
    private static final String SELF = keyFor(Role.SELF_SERVICE);
    private static final String PATH = "/api/v1/customers/C-1001/prohibition";

    private final FakeUseCases fakes = new FakeUseCases();

    @Test
    void customerServiceSetsOnceThenAgainIsIdempotent() {
        TestServer.with(fakes, client -> {
            Answer first = client.send(Call.put(PATH).key(CS).json("{\"agentId\":\"agent-7\"}"));
            assertEquals(201, first.status());
            JsonNode body = first.json();
            assertEquals("C-1001", body.get("customerId").asText());
            assertTrue(body.get("prohibited").asBoolean());
            assertEquals("CUSTOMER_SERVICE", body.get("source").asText());
            assertEquals("agent-7", body.get("agentId").asText());
            assertEquals("2026-11-25T10:15:30.123Z", body.get("since").asText());
            assertFalse(body.has("channel"));

            Answer again = client.send(Call.put(PATH).key(SELF).json("{\"channel\":\"MOBILE\"}"));
            assertEquals(200, again.status());
            assertEquals("CUSTOMER_SERVICE", again.json().get("source").asText(), "the first setter is kept");

            Answer history = client.send(Call.get(PATH + "/history").key(CS));
            assertEquals(1, history.json().get("changes").size(), "one history entry for two sets");
        });
    }

    @Test
    void myProfileSetsWithItsChannelAndShowsAsMyProfile() {
        TestServer.with(fakes, client -> {
            Answer set = client.send(Call.put(PATH).key(SELF).json("{\"channel\":\"WEB\"}"));
            assertEquals(201, set.status());
            assertEquals("MY_PROFILE", set.json().get("source").asText());
            assertEquals("WEB", set.json().get("channel").asText());
            assertFalse(set.json().has("agentId"));

            Answer shown = client.send(Call.get(PATH).key(CS));
            assertEquals(set.json(), shown.json(), "GET shows what PUT answered");
        });
    }

    @Test
    void neverSeenCustomerIsNotProhibited() {
        TestServer.with(fakes, client -> {
            JsonNode body = client.send(Call.get("/api/v1/customers/never-seen/prohibition").key(SELF)).json();
            assertEquals("never-seen", body.get("customerId").asText());
            assertFalse(body.get("prohibited").asBoolean());
            assertEquals(2, body.size(), "no source, since or agent when not prohibited");
            JsonNode history = client.send(Call.get("/api/v1/customers/never-seen/prohibition/history").key(SELF)).json();
            assertEquals(0, history.get("changes").size());
        });
    }

    @Test
    void liftByCustomerServiceNeedsAgentAndIsRecorded() {
        TestServer.with(fakes, client -> {
            client.send(Call.put(PATH).key(SELF).json("{\"channel\":\"MOBILE\"}"));

            Answer missingAgent = client.sendBad(Call.delete(PATH).key(CS));
            assertEquals(400, missingAgent.status());
            assertEquals("query.agentId", missingAgent.json().at("/invalidParams/0/name").asText());
            assertTrue(client.send(Call.get(PATH).key(CS)).json().get("prohibited").asBoolean(), "still set");

            Answer lifted = client.send(Call.delete(PATH + "?agentId=agent-9").key(CS));
            assertEquals(200, lifted.status());
            assertFalse(lifted.json().get("prohibited").asBoolean());

            JsonNode changes = client.send(Call.get(PATH + "/history").key(SELF)).json().get("changes");
            assertEquals(2, changes.size());
            assertEquals("SET", changes.get(0).get("action").asText());
            assertEquals("MY_PROFILE", changes.get(0).get("source").asText());
            assertEquals("LIFTED", changes.get(1).get("action").asText());
            assertEquals("CUSTOMER_SERVICE", changes.get(1).get("source").asText());
            assertEquals("agent-9", changes.get(1).get("agentId").asText());
        });
    }

    @Test
    void liftingWhatIsNotSetAnswersNotProhibitedAndRecordsNothing() {
        TestServer.with(fakes, client -> {
            Answer lifted = client.send(Call.delete(PATH + "?channel=MOBILE").key(SELF));
            assertEquals(200, lifted.status());
            assertFalse(lifted.json().get("prohibited").asBoolean());
            assertEquals(0, client.send(Call.get(PATH + "/history").key(SELF)).json().get("changes").size());
        });
    }

    @Test
    void selfServiceMayLiftWithoutChannelButNotWithAnAgent() {
        TestServer.with(fakes, client -> {
            client.send(Call.put(PATH).key(SELF).json("{\"channel\":\"MOBILE\"}"));
            Answer withAgent = client.sendBad(Call.delete(PATH + "?agentId=agent-1").key(SELF));
            assertEquals(400, withAgent.status());
            assertEquals("query.agentId", withAgent.json().at("/invalidParams/0/name").asText());
            Answer badChannel = client.sendBad(Call.delete(PATH + "?channel=FAX").key(SELF));
            assertEquals(400, badChannel.status());
            assertFalse(badChannel.text().contains("FAX"), "the value sent is never echoed");

            assertEquals(200, client.send(Call.delete(PATH).key(SELF)).status());
            assertFalse(client.send(Call.get(PATH).key(SELF)).json().get("prohibited").asBoolean());
        });
    }
}
