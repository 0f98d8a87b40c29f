package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.access.Role;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input gets a clear 4xx Problem and reaches no use case that changes anything. */
class BadInputTest {

    private static final String CS = keyFor(Role.CUSTOMER_SERVICE);
    private static final String SELF = keyFor(Role.SELF_SERVICE);
    private static final String PATH = "/api/v1/customers/C-1/prohibition";

    private final FakeUseCases fakes = new FakeUseCases();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field                | {\"agentId\":\"a1\",\"extra\":1}          | 400 | validation     | body.extra",
            "the other role's field       | {\"agentId\":\"a1\",\"channel\":\"WEB\"}  | 400 | validation     | body.channel",
            "number for a string          | {\"agentId\":123}                          | 400 | validation     | body.agentId",
            "boolean for a string         | {\"agentId\":true}                         | 400 | validation     | body.agentId",
            "object for a string          | {\"agentId\":{\"x\":1}}                    | 400 | validation     | body.agentId",
            "missing required field       | {}                                         | 400 | validation     | body.agentId",
            "null required field          | {\"agentId\":null}                         | 400 | validation     | body.agentId",
            "agent id with bad characters | {\"agentId\":\"a b\"}                      | 400 | validation     | body.agentId",
            "array instead of object      | [1,2]                                      | 400 | validation     | body",
            "malformed JSON               | {\"agentId\":                              | 400 | malformed-json | ",
            "trailing garbage             | {\"agentId\":\"a1\"} x                     | 400 | malformed-json | ",
            "duplicate key                | {\"agentId\":\"a1\",\"agentId\":\"a2\"}    | 400 | malformed-json | ",
    })
    void badCustomerServiceBodies(String what, String body, int status, String type, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put(PATH).key(CS).json(body));
            assertEquals(status, answer.status(), what);
            assertEquals("urn:palaute:problem:" + type, answer.json().get("type").asText());
            if (field != null) {
                assertEquals(field, answer.json().at("/invalidParams/0/name").asText());
            }
        });
        assertEquals(0, fakes.writes(), "nothing changed");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown channel     | {\"channel\":\"FAX\"} | body.channel",
            "lower-case channel  | {\"channel\":\"web\"} | body.channel",
            "number for a channel| {\"channel\":1}       | body.channel",
            "missing channel     | {}                    | body.channel",
            "customer service's field | {\"agentId\":\"a1\"} | body.agentId",
    })
    void badSelfServiceBodies(String what, String body, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put(PATH).key(SELF).json(body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText());
            assertFalse(answer.text().contains("FAX") || answer.text().contains("web\""), "value not echoed");
        });
        assertEquals(0, fakes.writes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void aBodyThatIsNotJsonIs415(String contentType) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put(PATH).key(CS)
                    .body(contentType, "{\"agentId\":\"a1\"}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(415, answer.status());
        });
        assertEquals(0, fakes.writes());
    }

    @org.junit.jupiter.api.Test
    void noBodyAtAllIs400() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put(PATH).key(CS).header("Content-Type", "application/json"));
            assertEquals(400, answer.status());
            assertEquals("body", answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }

    /**
     * Sent in chunks, so the server must read up to the limit to know. (A body whose declared length is over the
     * limit is refused before it is read: RawRequestTest sends only its headers, because a client still writing a
     * refused body may see the connection reset before it reads the answer.)
     */
    @Test
    void aChunkedBodyOver256KiBIs413() {
        byte[] big = new byte[256 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] prefix = "{\"agentId\":\"a1\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, big, 0, prefix.length);
        big[big.length - 1] = '}';
        TestServer.with(fakes, client -> {
            Call call = Call.put(PATH).key(CS).body("application/json", big);
            Answer answer = client.sendBad(call.chunked());
            assertEquals(413, answer.status());
            assertEquals("urn:palaute:problem:payload-too-large", answer.json().get("type").asText());
        });
        assertEquals(0, fakes.writes());
    }

    /** Every HETU century sign, old and added in 2023; all valid checksums. */
    @ParameterizedTest
    @ValueSource(strings = {"131052-308T", "131052Y308T", "131052X308T", "131052W308T", "131052V308T",
            "131052U308T", "010100+123D", "010594A123W", "010594B123W", "010594C123W", "010594D123W",
            "010594E123W", "010594F123W", "131052-308t"})
    void aPersonalIdentityNumberAsCustomerIdIsRefused(String hetu) {
        TestServer.with(fakes, client -> {
            for (Call call : new Call[] {
                    Call.put("/api/v1/customers/" + hetu + "/prohibition").key(CS).json("{\"agentId\":\"a1\"}"),
                    Call.get("/api/v1/customers/" + hetu + "/prohibition").key(CS),
                    Call.delete("/api/v1/customers/" + hetu + "/prohibition?agentId=a1").key(CS),
                    Call.get("/api/v1/customers/" + hetu + "/prohibition/history").key(SELF)}) {
                Answer answer = client.sendBad(call);
                assertEquals(400, answer.status());
                assertEquals("path.customerId", answer.json().at("/invalidParams/0/name").asText());
                assertFalse(answer.text().contains(hetu.substring(0, 6)), "the number is never echoed");
            }
        });
        assertEquals(0, fakes.writes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"has%20space", "%C3%A4iti", "semi%3Bcolon",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void aMalformedCustomerIdIsRefused(String customerId) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put("/api/v1/customers/" + customerId + "/prohibition").key(CS)
                    .json("{\"agentId\":\"a1\"}"));
            assertEquals(400, answer.status());
            assertEquals("path.customerId", answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }

    @org.junit.jupiter.api.Test
    void unknownQueryParametersAreRefused() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(PATH + "?verbose=true").key(CS));
            assertEquals(400, answer.status());
            assertEquals("query.verbose", answer.json().at("/invalidParams/0/name").asText());
        });
    }

    @ParameterizedTest
    @CsvSource({"GET,/api/v1/nothing-here,404", "GET,/api/v1/customers/C-1,404", "POST," + PATH + ",405",
            "PATCH," + PATH + ",405", "DELETE,/health,405"})
    void unknownRoutesAndMethodsAreProblems(String method, String path, int status) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.method(method, path).key(CS));
            assertEquals(status, answer.status());
        });
        assertEquals(0, fakes.writes());
    }
}
