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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartnerRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);
    private static final String PARTNERS = "/api/v1/partners";

    private final FakeUseCases fakes = new FakeUseCases();

    @Test
    void adminRegistersAPartnerOnceAndSeesIt() {
        TestServer.with(fakes, client -> {
            Answer created = client.send(Call.post(PARTNERS).key(ADMIN)
                    .json("{\"partnerId\":\"callcenter-1\",\"name\":\"  Soitto Oy \"}"));
            assertEquals(201, created.status());
            assertEquals("/api/v1/partners/callcenter-1", created.header("Location").orElse(""));
            JsonNode body = created.json();
            assertEquals("callcenter-1", body.get("partnerId").asText());
            assertEquals("Soitto Oy", body.get("name").asText());
            assertEquals("2026-11-25T10:15:30.123Z", body.get("createdAt").asText());

            Answer again = client.sendBad(Call.post(PARTNERS).key(ADMIN)
                    .json("{\"partnerId\":\"callcenter-1\",\"name\":\"Other\"}"));
            assertEquals(409, again.status());
            assertEquals("urn:palaute:problem:conflict", again.json().get("type").asText());

            Answer shown = client.send(Call.get(PARTNERS + "/callcenter-1").key(ADMIN));
            assertEquals(body, shown.json(), "GET shows what POST answered; the second POST changed nothing");

            client.send(Call.post(PARTNERS).key(ADMIN).json("{\"partnerId\":\"a-first\",\"name\":\"A\"}"));
            JsonNode partners = client.send(Call.get(PARTNERS).key(ADMIN)).json().get("partners");
            assertEquals(2, partners.size());
            assertEquals("a-first", partners.get(0).get("partnerId").asText(), "by id");
        });
    }

    /** An id that could never be a partner's names nothing, like an unknown one; it never reaches a use case. */
    @ParameterizedTest
    @CsvSource({"no-such-partner,1", "has%20space,0", "semi%3Bcolon,0",
            "x12345678901234567890123456789012345678901234567890123456789012345,0"})
    void anUnknownOrImpossiblePartnerIs404(String partnerId, int reachesUseCases) {
        TestServer.with(fakes, client -> {
            assertEquals(404, client.sendBad(Call.get(PARTNERS + "/" + partnerId).key(ADMIN)).status());
            assertEquals(404, client.sendBad(Call.get(PARTNERS + "/" + partnerId + "/keys").key(ADMIN)).status());
            assertEquals(404, client.sendBad(Call.post(PARTNERS + "/" + partnerId + "/keys").key(ADMIN)
                    .json("{}")).status());
            assertEquals(404, client.sendBad(Call.delete(PARTNERS + "/" + partnerId
                    + "/keys/00000000-0000-7000-8000-000000000000").key(ADMIN)).status());
        });
        for (String useCase : new String[] {"showPartner", "listPartnerKeys", "createPartnerKey", "revokePartnerKey"}) {
            assertEquals(reachesUseCases, fakes.calls(useCase), useCase);
        }
    }

    @Test
    void aKeyIsShownOnceWithTheDefaultBudgetAndWorks() {
        fakes.addPartner("p7");
        TestServer.with(fakes, client -> {
            Answer created = client.send(Call.post(PARTNERS + "/p7/keys").key(ADMIN).json("{}"));
            assertEquals(201, created.status());
            JsonNode key = created.json();
            assertEquals("PARTNER", key.get("role").asText());
            assertEquals("p7", key.get("partnerId").asText());
            assertEquals("", key.get("label").asText());
            assertEquals(50, key.at("/budget/perSecond").asInt());
            assertEquals(200, key.at("/budget/burst").asInt());
            String secret = key.get("key").asText();
            assertTrue(secret.startsWith("pal_") && secret.length() > 40, "a generated key");

            // The key authenticates: as a PARTNER it may not list partners.
            assertEquals(403, client.sendBad(Call.get(PARTNERS).key(secret)).status());

            Answer listed = client.send(Call.get(PARTNERS + "/p7/keys").key(ADMIN));
            JsonNode keys = listed.json().get("keys");
            assertEquals(1, keys.size());
            assertEquals(key.get("keyId").asText(), keys.get(0).get("keyId").asText());
            assertFalse(listed.text().contains(secret), "the key's text is shown once only");
            assertFalse(keys.get(0).has("key") || keys.get(0).has("hash"));
        });
    }

    @Test
    void aKeyMayGetItsOwnBudgetAndLabel() {
        fakes.addPartner("p7");
        TestServer.with(fakes, client -> {
            JsonNode key = client.send(Call.post(PARTNERS + "/p7/keys").key(ADMIN)
                    .json("{\"label\":\"night batch\",\"perSecond\":5,\"burst\":20}")).json();
            assertEquals("night batch", key.get("label").asText());
            assertEquals(5, key.at("/budget/perSecond").asInt());
            assertEquals(20, key.at("/budget/burst").asInt());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"perSecond\":5}                     | body.burst",
            "{\"burst\":20}                        | body.perSecond",
            "{\"perSecond\":50,\"burst\":10}       | body",
            "{\"perSecond\":0,\"burst\":10}        | body",
            "{\"perSecond\":\"5\",\"burst\":10}    | body.perSecond",
            "{\"label\":5}                         | body.label",
            "{\"role\":\"ADMIN\"}                  | body.role",
            "{\"partnerId\":\"p8\"}                | body.partnerId"})
    void badKeyRequestsAre400(String body, String field) {
        fakes.addPartner("p7");
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(PARTNERS + "/p7/keys").key(ADMIN).json(body));
            assertEquals(400, answer.status());
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes(), "nothing changed");
    }

    @Test
    void aLabelOverALimitIs400() {
        fakes.addPartner("p7");
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(PARTNERS + "/p7/keys").key(ADMIN)
                    .json("{\"label\":\"" + "x".repeat(101) + "\"}"));
            assertEquals("body.label", answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }

    @Test
    void aKeyForAPartnerThatDoesNotExistIs404() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(PARTNERS + "/nobody/keys").key(ADMIN).json("{}"));
            assertEquals(404, answer.status());
            assertEquals("urn:palaute:problem:not-found", answer.json().get("type").asText());
        });
        assertEquals(1, fakes.calls("createPartnerKey"), "the use case decided");
    }

    @Test
    void revokingAnswers204OnceAndThen404LikeAnyKeyThatIsNotThere() {
        fakes.addPartner("p7");
        fakes.addPartner("p8");
        TestServer.with(fakes, client -> {
            JsonNode key = client.send(Call.post(PARTNERS + "/p7/keys").key(ADMIN).json("{}")).json();
            String keyId = key.get("keyId").asText();

            assertEquals(404, client.sendBad(Call.delete(PARTNERS + "/p8/keys/" + keyId).key(ADMIN)).status(),
                    "another partner's key is not there");
            assertEquals(404, client.sendBad(Call.delete(PARTNERS + "/p7/keys/not-a-key").key(ADMIN)).status());
            assertEquals(404, client.sendBad(Call.delete(PARTNERS + "/p7/keys/00000000-0000-7000-9000-999999999999")
                    .key(ADMIN)).status());
            assertEquals(200, client.send(Call.get(PARTNERS + "/p7/keys").key(ADMIN)).status());
            assertEquals(1, client.send(Call.get(PARTNERS + "/p7/keys").key(ADMIN)).json().get("keys").size());

            Answer revoked = client.send(Call.delete(PARTNERS + "/p7/keys/" + keyId).key(ADMIN));
            assertEquals(204, revoked.status());
            assertEquals("", revoked.text());
            assertEquals(401, client.sendBad(Call.get(PARTNERS).key(key.get("key").asText())).status(),
                    "a revoked key no longer authenticates");
            assertEquals(0, client.send(Call.get(PARTNERS + "/p7/keys").key(ADMIN)).json().get("keys").size());
            assertEquals(404, client.sendBad(Call.delete(PARTNERS + "/p7/keys/" + keyId).key(ADMIN)).status());
        });
        assertEquals(4, fakes.calls("revokePartnerKey"), "all but the malformed key id reached the use case");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field        | {\"partnerId\":\"p1\",\"name\":\"P\",\"extra\":1} | body.extra",
            "missing id           | {\"name\":\"P\"}                                   | body.partnerId",
            "id with a space      | {\"partnerId\":\"p 1\",\"name\":\"P\"}             | body.partnerId",
            "number for an id     | {\"partnerId\":1,\"name\":\"P\"}                   | body.partnerId",
            "missing name         | {\"partnerId\":\"p1\"}                             | body.name",
            "blank name           | {\"partnerId\":\"p1\",\"name\":\"  \"}             | body.name",
            "control in name      | {\"partnerId\":\"p1\",\"name\":\"a\\u0007b\"}      | body.name",
            "array                | []                                                  | body"})
    void badPartnersAre400(String what, String body, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(PARTNERS).key(ADMIN).json(body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
        });
        assertEquals(0, fakes.writes(), "nothing changed");
    }

    @Test
    void aNameOver200CharactersIs400() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(PARTNERS).key(ADMIN)
                    .json("{\"partnerId\":\"p1\",\"name\":\"" + "n".repeat(201) + "\"}"));
            assertEquals("body.name", answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }
}
