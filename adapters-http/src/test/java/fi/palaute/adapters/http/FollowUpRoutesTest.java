package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static fi.palaute.adapters.http.testing.FakeUseCases.openFollowUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.followup.ListFollowUpsQuery;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.survey.Channel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-FOLLOWUP through the admin API: listing, showing, taking and closing, and bad requests that change nothing. */
class FollowUpRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);
    private static final String FOLLOW_UPS = "/api/v1/follow-ups";

    private final FakeUseCases fakes = new FakeUseCases();

    private static Call act(String id, String body) {
        return Call.post(FOLLOW_UPS + "/" + id).key(ADMIN).json(body);
    }

    @Test
    void aFollowUpShowsWhatTheTeamNeeds() {
        fakes.addFollowUp(openFollowUp("fu-1", Channel.BRANCH));
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.get(FOLLOW_UPS + "/fu-1").key(ADMIN));
            assertEquals(200, answer.status());
            assertEquals("{\"id\":\"fu-1\",\"state\":\"OPEN\",\"surveyId\":\"01936f0e-0000-7000-8000-000000000001\","
                    + "\"channel\":\"BRANCH\",\"score\":3,\"comment\":\"Jonotin pitkään. Soita [puhelinnumero"
                    + " poistettu]\",\"language\":\"fi\",\"customerId\":\"C-1001\","
                    + "\"openedAt\":\"2026-11-25T10:15:30.123Z\",\"changedAt\":\"2026-11-25T10:15:30.123Z\"}",
                    answer.text());
        });
    }

    @Test
    void aStudysDeIdentifiedFollowUpWithoutCommentLeavesThoseMembersOut() {
        FollowUpView study = openFollowUp("fu-2", null);
        fakes.addFollowUp(new FollowUpView(study.followUp(), Optional.empty(), study.score(), Optional.empty(),
                study.language()));
        TestServer.with(fakes, client -> {
            JsonNode json = client.send(Call.get(FOLLOW_UPS + "/fu-2").key(ADMIN)).json();
            for (String member : List.of("channel", "customerId", "comment", "takenBy", "outcome")) {
                assertFalse(json.has(member), member);
            }
        });
    }

    @Test
    void anUnknownFollowUpIs404() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(FOLLOW_UPS + "/nope").key(ADMIN));
            assertEquals(404, answer.status());
            assertEquals("urn:palaute:problem:not-found", answer.json().get("type").asText());
            assertEquals(404, client.sendBad(act("nope", "{\"action\":\"TAKE\",\"agentId\":\"a1\"}")).status());
            assertEquals(404, client.sendBad(act("nope", "{\"action\":\"CLOSE\",\"outcome\":\"RESOLVED\"}"))
                    .status());
        });
    }

    @Test
    void theListIsFilteredAndReadAPageAtATime() {
        fakes.addFollowUp(openFollowUp("fu-1", Channel.BRANCH));
        fakes.addFollowUp(openFollowUp("fu-2", Channel.CHAT));
        fakes.addFollowUp(openFollowUp("fu-3", Channel.BRANCH));
        fakes.addFollowUp(openFollowUp("fu-4", Channel.BRANCH));
        TestServer.with(fakes, client -> {
            JsonNode first = client.send(Call.get(FOLLOW_UPS + "?channel=BRANCH&state=OPEN&limit=2").key(ADMIN))
                    .json();
            assertEquals(List.of("fu-1", "fu-3"), ids(first));
            assertEquals("fu-3", first.get("next").asText());
            JsonNode second = client.send(Call.get(FOLLOW_UPS + "?channel=BRANCH&state=OPEN&limit=2&after=fu-3")
                    .key(ADMIN)).json();
            assertEquals(List.of("fu-4"), ids(second));
            assertFalse(second.has("next"), "the last page");

            JsonNode all = client.send(Call.get(FOLLOW_UPS).key(ADMIN)).json();
            assertEquals(4, all.get("followUps").size());
        });
        assertEquals(new ListFollowUpsQuery(Optional.of(Channel.BRANCH), Optional.of(FollowUpState.OPEN),
                Optional.empty(), 2), fakes.followUpQueries.get(0));
        assertEquals(Optional.of("fu-3"), fakes.followUpQueries.get(1).afterId());
        assertEquals(new ListFollowUpsQuery(Optional.empty(), Optional.empty(), Optional.empty(), 100),
                fakes.followUpQueries.get(2), "the default page");
    }

    @Test
    void theLargestPageIs500() {
        TestServer.with(fakes, client -> assertEquals(200,
                client.send(Call.get(FOLLOW_UPS + "?limit=500").key(ADMIN)).status()));
        assertEquals(500, fakes.followUpQueries.get(0).limit());
    }

    @ParameterizedTest
    @CsvSource({"limit=501,query.limit", "limit=0,query.limit", "limit=x,query.limit", "channel=WEB,query.channel",
            "channel=branch,query.channel", "state=DONE,query.state", "after=,query.after",
            "state=OPEN&state=TAKEN,query.state", "customerId=C-1,query.customerId"})
    void aBadListQueryIs400(String query, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(FOLLOW_UPS + "?" + query).key(ADMIN));
            assertEquals(400, answer.status());
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.calls("listFollowUps"));
    }

    @Test
    void anOpenFollowUpIsTakenThenClosedAndNeitherTwice() {
        fakes.addFollowUp(openFollowUp("fu-1", Channel.BRANCH));
        TestServer.with(fakes, client -> {
            JsonNode taken = client.send(act("fu-1", "{\"action\":\"TAKE\",\"agentId\":\"agent.7\"}")).json();
            assertEquals("TAKEN", taken.get("state").asText());
            assertEquals("agent.7", taken.get("takenBy").asText());

            Answer takenAgain = client.sendBad(act("fu-1", "{\"action\":\"TAKE\",\"agentId\":\"agent.8\"}"));
            assertEquals(409, takenAgain.status());
            assertEquals("urn:palaute:problem:conflict", takenAgain.json().get("type").asText());
            assertTrue(takenAgain.json().get("detail").asText().contains("TAKEN"));

            JsonNode closed = client.send(act("fu-1", "{\"action\":\"CLOSE\",\"outcome\":\"CUSTOMER_NOT_REACHED\"}"))
                    .json();
            assertEquals("CLOSED", closed.get("state").asText());
            assertEquals("CUSTOMER_NOT_REACHED", closed.get("outcome").asText());
            assertEquals("agent.7", closed.get("takenBy").asText());

            Answer closedAgain = client.sendBad(act("fu-1", "{\"action\":\"CLOSE\",\"outcome\":\"RESOLVED\"}"));
            assertEquals(409, closedAgain.status());
            assertTrue(closedAgain.json().get("detail").asText().contains("CLOSED"));
        });
        assertEquals(Optional.of(new AgentId("agent.7")), fakes.followUp("fu-1").orElseThrow().followUp().takenBy());
        assertEquals(Optional.of(FollowUpOutcome.CUSTOMER_NOT_REACHED),
                fakes.followUp("fu-1").orElseThrow().followUp().outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RESOLVED", "CUSTOMER_NOT_REACHED", "CUSTOMER_DECLINED", "NO_ACTION_NEEDED"})
    void anOpenFollowUpCanBeClosedWithEachOutcome(String outcome) {
        fakes.addFollowUp(openFollowUp("fu-1", Channel.CHAT));
        TestServer.with(fakes, client -> assertEquals(outcome,
                client.send(act("fu-1", "{\"action\":\"CLOSE\",\"outcome\":\"" + outcome + "\"}")).json()
                        .get("outcome").asText()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "no action                | {\"agentId\":\"a1\"}                                        | body.action",
            "an unknown action        | {\"action\":\"DELETE\"}                                     | body.action",
            "a lower-case action      | {\"action\":\"take\",\"agentId\":\"a1\"}                    | body.action",
            "take without agent       | {\"action\":\"TAKE\"}                                       | body.agentId",
            "take with a bad agent    | {\"action\":\"TAKE\",\"agentId\":\"a b\"}                   | body.agentId",
            "take with an outcome     | {\"action\":\"TAKE\",\"agentId\":\"a1\",\"outcome\":\"RESOLVED\"} | body.outcome",
            "close without outcome    | {\"action\":\"CLOSE\"}                                      | body.outcome",
            "close with a free text   | {\"action\":\"CLOSE\",\"outcome\":\"called, all fine\"}     | body.outcome",
            "close with an agent      | {\"action\":\"CLOSE\",\"outcome\":\"RESOLVED\",\"agentId\":\"a1\"} | body.agentId",
            "mass assignment: state   | {\"action\":\"TAKE\",\"agentId\":\"a1\",\"state\":\"CLOSED\"} | body.state",
            "mass assignment: customer| {\"action\":\"CLOSE\",\"outcome\":\"RESOLVED\",\"customerId\":\"C-1\"} | body.customerId",
            "an array                 | []                                                          | body"})
    void aBadActionIs400NamingTheMemberAndChangesNothing(String what, String body, String field) {
        fakes.addFollowUp(openFollowUp("fu-1", Channel.BRANCH));
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(act("fu-1", body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
        });
        assertEquals(0, fakes.calls("takeFollowUp") + fakes.calls("closeFollowUp"));
        assertEquals(FollowUpState.OPEN, fakes.followUp("fu-1").orElseThrow().followUp().state());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("followUps").findValues("id").stream().map(JsonNode::asText).toList();
    }
}
