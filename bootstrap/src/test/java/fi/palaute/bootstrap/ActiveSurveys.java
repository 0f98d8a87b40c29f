package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;

/** Sets up, through the admin API as the survey team would, what the end-to-end tests need. */
final class ActiveSurveys {

    static final String CHAT_EMAIL_SURVEY = """
            {"name":"Chat NPS","kind":"TRANSACTIONAL","listensTo":{"CHAT":1},"deliveryChannel":"EMAIL",
             "deliveredBy":"BANK","anonymous":false,"languages":["fi"]""";

    private ActiveSurveys() {
    }

    /** A bank-delivered e-mail survey in Finnish that asks about every CHAT event; returns its id. */
    static String emailOnChat(ContractClient client, String adminKey) {
        Answer created = ok(201, client.send(Call.post("/api/v1/surveys").key(adminKey).json(CHAT_EMAIL_SURVEY + "}")));
        String id = created.json().get("surveyId").asText();
        ok(200, client.send(Call.put("/api/v1/surveys/" + id + "/templates/EMAIL/fi").key(adminKey).json("""
                {"subject":"Miten onnistuimme?","body":"Kiitos asioinnista! Kerro kokemuksestasi: {{surveyLink}}"}""")));
        ok(200, client.send(Call.put("/api/v1/surveys/" + id).key(adminKey)
                .json(CHAT_EMAIL_SURVEY + ",\"state\":\"ACTIVE\"}")));
        return id;
    }

    /**
     * Registers a partner and makes it a key with a budget above any race, and a partner-delivered SMS survey in
     * Finnish that asks about every BRANCH event; returns the partner's key.
     */
    static String partnerSmsOnBranch(ContractClient client, String adminKey, String partnerId) {
        return partnerSmsOnBranch(client, adminKey, partnerId, false);
    }

    /** The same, anonymous or not. */
    static String partnerSmsOnBranch(ContractClient client, String adminKey, String partnerId, boolean anonymous) {
        ok(201, client.send(Call.post("/api/v1/partners").key(adminKey)
                .json("{\"partnerId\":\"" + partnerId + "\",\"name\":\"Race partner\"}")));
        String key = ok(201, client.send(Call.post("/api/v1/partners/" + partnerId + "/keys").key(adminKey)
                .json("{\"label\":\"race\",\"perSecond\":10000,\"burst\":10000}"))).json().get("key").asText();
        String survey = """
                {"name":"Branch SMS","kind":"TRANSACTIONAL","listensTo":{"BRANCH":1},"deliveryChannel":"SMS",
                 "deliveredBy":"PARTNER","partnerId":"%s","anonymous":%s,"languages":["fi"]""".formatted(partnerId,
                        anonymous);
        String id = ok(201, client.send(Call.post("/api/v1/surveys").key(adminKey).json(survey + "}")))
                .json().get("surveyId").asText();
        ok(200, client.send(Call.put("/api/v1/surveys/" + id + "/templates/SMS/fi").key(adminKey)
                .json("{\"body\":\"Miten onnistuimme? {{surveyLink}}\"}")));
        ok(200, client.send(Call.put("/api/v1/surveys/" + id).key(adminKey).json(survey + ",\"state\":\"ACTIVE\"}")));
        return key;
    }

    /** Gives the demo key of a role a budget no race or load run will reach. */
    static void raiseBudget(ContractClient client, String adminKey, String role) {
        JsonNode keys = ok(200, client.send(Call.get("/api/v1/keys").key(adminKey))).json().get("keys");
        for (JsonNode key : keys) {
            if (key.get("role").asText().equals(role)) {
                ok(200, client.send(Call.put("/api/v1/keys/" + key.get("keyId").asText() + "/budget").key(adminKey)
                        .json("{\"perSecond\":10000,\"burst\":10000}")));
            }
        }
    }

    private static Answer ok(int status, Answer answer) {
        assertEquals(status, answer.status(), answer.text());
        return answer;
    }
}
