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
import fi.palaute.application.port.in.invitation.RecordServiceEventsCommand;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.invitation.ServiceEvent;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceEventRoutesTest {

    private static final String EVENTS = "/api/v1/service-events";
    private static final String SOURCE = keyFor(Role.EVENT_SOURCE);

    private final FakeUseCases fakes = new FakeUseCases();

    /** A valid event; its members are the customer's own, so none may appear in an error. */
    static String event(String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"CUST-7731\",\"channel\":\"BRANCH\","
                + "\"occurredAt\":\"2026-11-25T12:00:00.5+02:00\",\"controller\":\"OPK\",\"language\":\"sv\","
                + "\"email\":\"maija.meikalainen@example.fi\",\"mobile\":\"040 765 4321\"}";
    }

    static String batch(int size) {
        return IntStream.range(0, size).mapToObj(i -> event("ev-" + i)).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void oneEventIsRecordedWithTheKeyAsItsSource() {
        Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.ACTIVE);
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.post(EVENTS).key(SOURCE).json(event("branch-2026-000001")));
            assertEquals(200, answer.status());
            assertEquals("{\"results\":[{\"eventId\":\"branch-2026-000001\",\"redelivery\":false,\"decisions\":"
                    + "[{\"surveyId\":\"" + survey.id() + "\",\"reason\":\"INVITED\"}]}]}", answer.text());
        });
        RecordServiceEventsCommand command = fakes.recordedEvents.get(0);
        assertEquals(fakes.keyOf(Role.EVENT_SOURCE).keyId(), command.source());
        assertEquals(new ServiceEvent("branch-2026-000001", new CustomerId("CUST-7731"), Channel.BRANCH,
                        Instant.parse("2026-11-25T10:00:00.500Z"), new Controller("OPK"), Language.SV,
                        new fi.palaute.domain.invitation.ContactPoints(
                                Optional.of(new EmailAddress("maija.meikalainen@example.fi")),
                                Optional.of(new MobileNumber("+358407654321")))),
                command.events().get(0), "offset applied, mobile normalised");
    }

    @Test
    void aBatchGetsOneResultPerEventInOrderAndARedeliveryIsMarked() {
        TestServer.with(fakes, client -> {
            Answer first = client.send(Call.post(EVENTS).key(SOURCE).json(batch(100)));
            JsonNode results = first.json().get("results");
            assertEquals(100, results.size());
            for (int i = 0; i < 100; i++) {
                assertEquals("ev-" + i, results.get(i).get("eventId").asText());
                assertFalse(results.get(i).get("redelivery").asBoolean());
                assertEquals(0, results.get(i).get("decisions").size(), "no survey listens");
            }
            Answer again = client.send(Call.post(EVENTS).key(SOURCE).json(event("ev-42")));
            assertTrue(again.json().at("/results/0/redelivery").asBoolean());
        });
        assertEquals(100, fakes.recordedEvents.get(0).events().size(), "one call for the whole batch");
    }

    @Test
    void aBatchOf1000IsTaken() {
        TestServer.with(fakes, client -> assertEquals(1000,
                client.send(Call.post(EVENTS).key(SOURCE).json(batch(1000))).json().get("results").size()));
    }

    @Test
    void aRefusalIsNamedByItsIndex() {
        fakes.recordServiceEvents = command -> new RecordServiceEventsResult.Refused(3, "occurredAt",
                "must not be in the future");
        TestServer.with(fakes, client -> {
            Answer inBatch = client.sendBad(Call.post(EVENTS).key(SOURCE).json(batch(5)));
            assertEquals(400, inBatch.status());
            assertEquals("body[3].occurredAt", inBatch.json().at("/invalidParams/0/name").asText());
            assertEquals("must not be in the future", inBatch.json().at("/invalidParams/0/reason").asText());

            fakes.recordServiceEvents = command -> new RecordServiceEventsResult.Refused(0, "occurredAt",
                    "must not be in the future");
            Answer single = client.sendBad(Call.post(EVENTS).key(SOURCE).json(event("e1")));
            assertEquals("body.occurredAt", single.json().at("/invalidParams/0/name").asText());
            assertNotEchoed(single);
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field            | \"extra\":1                                | extra",
            "missing event id         | \"eventId\":MISSING                        | eventId",
            "event id with a space    | \"eventId\":\"ev SECRET\"                  | eventId",
            "number for an event id   | \"eventId\":17                             | eventId",
            "personal identity number | \"customerId\":\"131052-308T\"             | customerId",
            "new century sign         | \"customerId\":\"010594Y123W\"             | customerId",
            "customer id too long     | \"customerId\":\"C12345678901234567890123456789012345678901234567890123456789012345\" | customerId",
            "missing customer id      | \"customerId\":MISSING                     | customerId",
            "unknown channel          | \"channel\":\"FAX\"                        | channel",
            "lower-case channel       | \"channel\":\"branch\"                     | channel",
            "missing channel          | \"channel\":MISSING                        | channel",
            "occurredAt, no offset    | \"occurredAt\":\"2026-11-25T12:00:00\"     | occurredAt",
            "occurredAt, no seconds   | \"occurredAt\":\"2026-11-25T12:00+02:00\"  | occurredAt",
            "occurredAt, a date       | \"occurredAt\":\"2026-11-25\"              | occurredAt",
            "occurredAt, epoch number | \"occurredAt\":1764064800                  | occurredAt",
            "occurredAt, no such day  | \"occurredAt\":\"2026-02-30T12:00:00Z\"    | occurredAt",
            "missing occurredAt       | \"occurredAt\":MISSING                     | occurredAt",
            "controller with a space  | \"controller\":\"OP SECRET\"               | controller",
            "unknown language         | \"language\":\"de\"                        | language",
            "upper-case language      | \"language\":\"FI\"                        | language",
            "missing language         | \"language\":MISSING                       | language",
            "e-mail without a domain  | \"email\":\"maija.secret@\"                | email",
            "e-mail with a space      | \"email\":\"maija secret@example.fi\"      | email",
            "Finnish landline         | \"mobile\":\"09 7654 3210\"                | mobile",
            "mobile with letters      | \"mobile\":\"040-SECRET\"                  | mobile",
            "mobile without a prefix  | \"mobile\":\"407654321\"                   | mobile",
    })
    void aBadEventFailsTheWholeBatchNamingItsIndex(String what, String member, String field) {
        String bad = withMember(event("bad-1"), member);
        String body = "[" + event("ok-0") + "," + event("ok-1") + "," + bad + "," + event("ok-3") + "]";
        TestServer.with(fakes, client -> {
            Answer inBatch = client.sendBad(Call.post(EVENTS).key(SOURCE).json(body));
            assertEquals(400, inBatch.status(), what);
            assertEquals("urn:palaute:problem:validation", inBatch.json().get("type").asText());
            assertEquals("body[2]." + field, inBatch.json().at("/invalidParams/0/name").asText(), what);
            assertNotEchoed(inBatch);

            Answer single = client.sendBad(Call.post(EVENTS).key(SOURCE).json(bad));
            assertEquals("body." + field, single.json().at("/invalidParams/0/name").asText(), what);
            assertNotEchoed(single);
        });
        assertEquals(0, fakes.writes(), "nothing reached the use case");
    }

    @Test
    void theFirstBadEventIsTheOneNamed() {
        String body = "[" + event("ok-0") + "," + withMember(event("e1"), "\"language\":\"de\"") + ","
                + withMember(event("e2"), "\"channel\":\"FAX\"") + "]";
        TestServer.with(fakes, client -> assertEquals("body[1].language",
                client.sendBad(Call.post(EVENTS).key(SOURCE).json(body)).json().at("/invalidParams/0/name").asText()));
        assertEquals(0, fakes.writes());
    }

    @Test
    void aBatchOf1001IsRefusedWhole() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(EVENTS).key(SOURCE).json(batch(1001)));
            assertEquals(400, answer.status());
            assertEquals("body", answer.json().at("/invalidParams/0/name").asText());
            assertEquals("a batch holds at most 1000 events; this one holds 1001. Send the rest in another request",
                    answer.json().at("/invalidParams/0/reason").asText());
        });
        assertEquals(0, fakes.writes());
    }

    @Test
    void aRepeatedEventIdIsNamedAtItsSecondPlace() {
        String body = "[" + event("a") + "," + event("b") + "," + event("c") + "," + event("b") + "]";
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(EVENTS).key(SOURCE).json(body));
            assertEquals(400, answer.status());
            assertEquals("body[3].eventId", answer.json().at("/invalidParams/0/name").asText());
            assertEquals("appears earlier in the same batch", answer.json().at("/invalidParams/0/reason").asText());
        });
        assertEquals(0, fakes.writes());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "an empty batch         | []                     | body",
            "a number               | 42                     | body",
            "a string               | \"CUST-7731\"          | body",
            "an empty element       | [{}]                   | body[0].eventId",
            "a number in a batch    | [1]                    | body[0]",
            "a batch inside a batch | [[]]                   | body[0]",
            "an event as a string   | {\"eventId\":{}}       | body.eventId",
    })
    void aBodyOfTheWrongShapeIs400(String what, String body, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(EVENTS).key(SOURCE).json(body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
            assertFalse(answer.text().contains("CUST-7731"));
        });
        assertEquals(0, fakes.writes());
    }

    @Test
    void aNullElementIs400() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(EVENTS).key(SOURCE).json("[" + event("a") + ",null]"));
            assertEquals("body[1]", answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }

    /** A field name that is personal data (a client putting a value where a name goes) is not repeated either. */
    @ParameterizedTest
    @ValueSource(strings = {"131052-308T", "maija@example.fi", "+358407654321"})
    void anUnknownFieldNamedWithPersonalDataIsNotEchoed(String name) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(EVENTS).key(SOURCE)
                    .json("[" + event("a") + "," + withMember(event("b"), "\"" + name + "\":1") + "]"));
            assertEquals(400, answer.status());
            assertEquals("body[1]", answer.json().at("/invalidParams/0/name").asText());
            assertEquals("unknown field", answer.json().at("/invalidParams/0/reason").asText());
            assertFalse(answer.text().contains(name));
        });
    }

    @Test
    void malformedOrForeignBodiesAreRefused() {
        TestServer.with(fakes, client -> {
            assertEquals("urn:palaute:problem:malformed-json", client.sendBad(Call.post(EVENTS).key(SOURCE)
                    .json("[" + event("a") + ",")).json().get("type").asText());
            assertEquals(415, client.sendBad(Call.post(EVENTS).key(SOURCE)
                    .body("text/csv", "a,b".getBytes(java.nio.charset.StandardCharsets.UTF_8))).status());
            assertEquals(400, client.sendBad(Call.post(EVENTS + "?dryRun=true").key(SOURCE).json(event("a")))
                    .status());
        });
        assertEquals(0, fakes.writes());
    }

    private static String withMember(String event, String member) {
        String name = member.substring(0, member.indexOf(':') + 1);
        String without = event.replaceFirst(",?" + java.util.regex.Pattern.quote(name) + "(\"[^\"]*\"|[^,}]*)", "");
        if (without.startsWith("{,")) {
            without = "{" + without.substring(2);
        }
        if (member.endsWith(":MISSING")) {
            return without;
        }
        return without.substring(0, without.length() - 1) + "," + member + "}";
    }

    /** No error repeats what the event said about the customer. */
    private static void assertNotEchoed(Answer answer) {
        for (String sent : new String[] {"CUST-7731", "131052", "010594", "C1234567890", "maija", "secret", "765",
                "7654", "SECRET", "FAX", "\"de\"", "branch\""}) {
            assertFalse(answer.text().contains(sent), "echoed " + sent + ": " + answer.text());
        }
    }
}
