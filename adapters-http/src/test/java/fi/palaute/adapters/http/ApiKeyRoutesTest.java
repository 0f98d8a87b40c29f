package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeyRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);
    private final FakeUseCases fakes = new FakeUseCases();

    @Test
    void adminListsKeysWithoutSecretsOrHashes() {
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.get("/api/v1/keys").key(ADMIN));
            JsonNode keys = answer.json().get("keys");
            assertEquals(Role.values().length, keys.size());
            for (Role role : Role.values()) {
                assertFalse(answer.text().contains(fakes.keyOf(role).hash().hex()), "no hash");
                assertFalse(answer.text().contains(keyFor(role)), "no key");
            }
        });
    }

    @Test
    void adminChangesABudget() {
        TestServer.with(fakes, client -> {
            String keyId = fakes.keyOf(Role.EVENT_SOURCE).keyId();
            Answer answer = client.send(Call.put("/api/v1/keys/" + keyId + "/budget").key(ADMIN)
                    .json("{\"perSecond\":400,\"burst\":1000}"));
            assertEquals(200, answer.status());
            assertEquals(400, answer.json().at("/budget/perSecond").asInt());
            assertEquals(1000, answer.json().at("/budget/burst").asInt());
        });
    }

    @Test
    void unknownOrMalformedKeyIdsAre404() {
        TestServer.with(fakes, client -> {
            assertEquals(404, client.sendBad(Call.put("/api/v1/keys/00000000-0000-7000-8000-999999999999/budget")
                    .key(ADMIN).json("{\"perSecond\":400,\"burst\":1000}")).status());
            assertEquals(404, client.sendBad(Call.put("/api/v1/keys/not-a-key/budget")
                    .key(ADMIN).json("{\"perSecond\":400,\"burst\":1000}")).status());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"perSecond\":0,\"burst\":10}        | body",
            "{\"perSecond\":100,\"burst\":50}      | body",
            "{\"perSecond\":\"100\",\"burst\":200} | body.perSecond",
            "{\"perSecond\":1.5,\"burst\":200}     | body.perSecond",
            "{\"burst\":200}                       | body.perSecond",
            "{\"perSecond\":100}                   | body.burst"})
    void impossibleBudgetsAre400(String body, String field) {
        TestServer.with(fakes, client -> {
            String keyId = fakes.keyOf(Role.EVENT_SOURCE).keyId();
            Answer answer = client.sendBad(Call.put("/api/v1/keys/" + keyId + "/budget").key(ADMIN).json(body));
            assertEquals(400, answer.status());
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }
}
