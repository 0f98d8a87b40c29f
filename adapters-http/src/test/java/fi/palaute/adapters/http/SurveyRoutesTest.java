package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.survey.ChangeSurveyResult;
import fi.palaute.application.port.in.survey.CreateSurveyCommand;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateSlot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);
    private static final String SURVEYS = "/api/v1/surveys";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeUseCases fakes = new FakeUseCases();

    /** A valid new transactional survey; tests change one member at a time. */
    static ObjectNode transactional() {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"name":"Branch visits","kind":"TRANSACTIONAL","listensTo":{"CHAT":1,"BRANCH":0.25},
                     "deliveryChannel":"EMAIL","deliveredBy":"BANK","anonymous":false,"languages":["fi","sv"],
                     "windowDays":14,"reminder":true}""");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void adminDefinesATransactionalSurveyAndSeesItAsSent() {
        AtomicReference<CreateSurveyCommand> seen = new AtomicReference<>();
        var real = fakes.createSurvey;
        fakes.createSurvey = command -> {
            seen.set(command);
            return real.create(command);
        };
        TestServer.with(fakes, client -> {
            Answer created = client.send(Call.post(SURVEYS).key(ADMIN).json(transactional().toString()));
            assertEquals(201, created.status());
            JsonNode survey = created.json();
            String id = survey.get("surveyId").asText();
            assertEquals(SURVEYS + "/" + id, created.header("Location").orElse(""));
            assertEquals("Branch visits", survey.get("name").asText());
            assertEquals("TRANSACTIONAL", survey.get("kind").asText());
            assertEquals(0.25, survey.at("/listensTo/BRANCH").asDouble());
            assertEquals(1.0, survey.at("/listensTo/CHAT").asDouble());
            assertEquals("EMAIL", survey.get("deliveryChannel").asText());
            assertEquals("BANK", survey.get("deliveredBy").asText());
            assertFalse(survey.has("partnerId"));
            assertFalse(survey.get("anonymous").asBoolean());
            assertEquals("[\"fi\",\"sv\"]", survey.get("languages").toString());
            assertEquals(14, survey.get("windowDays").asInt());
            assertTrue(survey.get("reminder").asBoolean());
            assertEquals("DRAFT", survey.get("state").asText());
            assertEquals("2026-11-25T10:15:30.123Z", survey.get("createdAt").asText());

            SurveyDefinition definition = seen.get().definition();
            assertEquals(Duration.ofDays(14), definition.window());
            assertEquals(List.of(Language.FI, Language.SV), definition.languages());
            assertEquals(0.25, definition.listensTo().get(Channel.BRANCH).value());

            assertEquals(survey, client.send(Call.get(SURVEYS + "/" + id).key(ADMIN)).json());
            JsonNode list = client.send(Call.get(SURVEYS).key(ADMIN)).json().get("surveys");
            assertEquals(1, list.size());
            assertEquals(survey, list.get(0));
        });
    }

    @Test
    void aStudyDeliveredByAPartnerWithDefaults() {
        fakes.addPartner("callcenter-1");
        TestServer.with(fakes, client -> {
            JsonNode survey = client.send(Call.post(SURVEYS).key(ADMIN).json("""
                    {"name":"Interviews","kind":"STUDY","deliveryChannel":"ONSITE","deliveredBy":"PARTNER",
                     "partnerId":"callcenter-1","anonymous":false,"languages":["en"]}""")).json();
            assertEquals("{}", survey.get("listensTo").toString(), "a study listens to nothing");
            assertEquals("PARTNER", survey.get("deliveredBy").asText());
            assertEquals("callcenter-1", survey.get("partnerId").asText());
            assertEquals(7, survey.get("windowDays").asInt(), "the default window");
            assertFalse(survey.get("reminder").asBoolean(), "no reminder unless asked");
        });
    }

    @Test
    void anUnknownPartnerIs400NamingPartnerId() {
        TestServer.with(fakes, client -> {
            ObjectNode body = transactional().put("deliveredBy", "PARTNER").put("partnerId", "nobody");
            Answer created = client.sendBad(Call.post(SURVEYS).key(ADMIN).json(body.toString()));
            assertEquals(400, created.status());
            assertEquals("body.partnerId", created.json().at("/invalidParams/0/name").asText());
            assertEquals("no partner with this id", created.json().at("/invalidParams/0/reason").asText());
            assertFalse(created.text().contains("nobody"));
        });
    }

    @Test
    void anUnknownOrImpossibleSurveyIs404() {
        TestServer.with(fakes, client -> {
            assertEquals(404, client.sendBad(Call.get(SURVEYS + "/01936f0e-0000-7000-8000-999999999999").key(ADMIN))
                    .status());
            assertEquals(404, client.sendBad(Call.get(SURVEYS + "/semi%3Bcolon").key(ADMIN)).status());
            ObjectNode change = transactional().put("state", "DRAFT");
            assertEquals(404, client.sendBad(Call.put(SURVEYS + "/01936f0e-0000-7000-8000-999999999999").key(ADMIN)
                    .json(change.toString())).status());
            assertEquals(404, client.sendBad(Call.put(SURVEYS + "/semi%3Bcolon").key(ADMIN)
                    .json(change.toString())).status());
        });
        assertEquals(1, fakes.calls("showSurvey"));
        assertEquals(1, fakes.calls("changeSurvey"));
    }

    @Test
    void aChangeReplacesTheDefinitionAndMovesTheState() {
        Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.DRAFT);
        for (Language language : List.of(Language.FI, Language.SV)) {
            fakes.addTemplate(survey.id(), new TemplateSlot(TemplateChannel.EMAIL, language), "Palaute",
                    "Kerro mielipiteesi: {{surveyLink}}");
        }
        TestServer.with(fakes, client -> {
            ObjectNode change = transactional().put("name", "Renamed").put("state", "ACTIVE");
            Answer changed = client.send(Call.put(SURVEYS + "/" + survey.id()).key(ADMIN).json(change.toString()));
            assertEquals(200, changed.status());
            assertEquals("Renamed", changed.json().get("name").asText());
            assertEquals("ACTIVE", changed.json().get("state").asText());
            assertEquals("2026-11-25T10:16:30.123Z", changed.json().get("updatedAt").asText());
        });
    }

    @Test
    void aRefusedChangeIs409WithTheReason() {
        Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.CLOSED);
        TestServer.with(fakes, client -> {
            Answer refused = client.sendBad(Call.put(SURVEYS + "/" + survey.id()).key(ADMIN)
                    .json(transactional().put("state", "ACTIVE").toString()));
            assertEquals(409, refused.status());
            assertEquals("urn:palaute:problem:conflict", refused.json().get("type").asText());
            assertEquals("state: the survey is closed; a closed survey does not change",
                    refused.json().get("detail").asText());
        });
    }

    @Test
    void goingActiveWithoutTemplatesIs409ListingThem() {
        Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.DRAFT);
        fakes.addTemplate(survey.id(), new TemplateSlot(TemplateChannel.EMAIL, Language.FI), "Palaute",
                "Kerro mielipiteesi: {{surveyLink}}");
        TestServer.with(fakes, client -> {
            ObjectNode change = transactional().put("state", "ACTIVE");
            change.putArray("languages").add("fi").add("sv").add("en");
            Answer missing = client.sendBad(Call.put(SURVEYS + "/" + survey.id()).key(ADMIN).json(change.toString()));
            assertEquals(409, missing.status());
            JsonNode problem = missing.json();
            assertEquals("urn:palaute:problem:templates-missing", problem.get("type").asText());
            assertEquals("[{\"channel\":\"EMAIL\",\"language\":\"sv\"},{\"channel\":\"EMAIL\",\"language\":\"en\"}]",
                    problem.get("missingTemplates").toString());
            assertTrue(problem.get("detail").asText().contains("EMAIL in sv, EMAIL in en"), problem.toString());
            assertEquals("DRAFT", client.send(Call.get(SURVEYS + "/" + survey.id()).key(ADMIN)).json()
                    .get("state").asText(), "nothing changed");
        });
    }

    @Test
    void eachResultOfAChangeIsMapped() {
        Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.DRAFT);
        String path = SURVEYS + "/" + survey.id();
        String body = transactional().put("state", "PAUSED").toString();
        TestServer.with(fakes, client -> {
            fakes.changeSurvey = command -> new ChangeSurveyResult.NotFound();
            assertEquals(404, client.sendBad(Call.put(path).key(ADMIN).json(body)).status());

            fakes.changeSurvey = command -> new ChangeSurveyResult.UnknownPartner(
                    new fi.palaute.domain.access.PartnerId("gone"));
            Answer unknown = client.sendBad(Call.put(path).key(ADMIN).json(body));
            assertEquals(400, unknown.status());
            assertEquals("body.partnerId", unknown.json().at("/invalidParams/0/name").asText());

            fakes.changeSurvey = command -> new ChangeSurveyResult.Refused("state: a DRAFT survey cannot become PAUSED");
            Answer refused = client.sendBad(Call.put(path).key(ADMIN).json(body));
            assertEquals(409, refused.status());
            assertEquals("state: a DRAFT survey cannot become PAUSED", refused.json().get("detail").asText());

            fakes.changeSurvey = command -> new ChangeSurveyResult.MissingTemplates(
                    List.of(new TemplateSlot(TemplateChannel.SMS, Language.EN)));
            Answer missing = client.sendBad(Call.put(path).key(ADMIN).json(body));
            assertEquals("urn:palaute:problem:templates-missing", missing.json().get("type").asText());
            assertEquals("SMS", missing.json().at("/missingTemplates/0/channel").asText());

            fakes.changeSurvey = command -> new ChangeSurveyResult.Changed(survey.changedTo(command.definition(),
                    command.state(), FakeUseCases.NOW));
            assertEquals("PAUSED", client.send(Call.put(path).key(ADMIN).json(body)).json().get("state").asText());
        });
    }

    @Test
    void theDefinitionSentIsTheOneChanged() {
        fakes.addPartner("p1");
        Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.DRAFT);
        AtomicReference<SurveyDefinition> seen = new AtomicReference<>();
        fakes.changeSurvey = command -> {
            seen.set(command.definition());
            return new ChangeSurveyResult.NotFound();
        };
        TestServer.with(fakes, client -> client.sendBad(Call.put(SURVEYS + "/" + survey.id()).key(ADMIN).json("""
                {"name":"Calls","kind":"TRANSACTIONAL","listensTo":{"PHONE_SERVICE":0.5},"deliveryChannel":"PHONE",
                 "deliveredBy":"PARTNER","partnerId":"p1","anonymous":true,"languages":["sv"],"state":"DRAFT"}""")));
        SurveyDefinition definition = seen.get();
        assertEquals(new Deliverer.Partner(new fi.palaute.domain.access.PartnerId("p1")), definition.deliverer());
        assertEquals(SurveyDefinition.DEFAULT_WINDOW, definition.window());
        assertFalse(definition.reminder());
        assertTrue(definition.anonymous());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field             | extra           | 1                         | body.extra",
            "number for a name         | name            | 5                         | body.name",
            "blank name                | name            | \"  \"                    | body.name",
            "unknown kind              | kind            | \"SURVEY\"                | body.kind",
            "lower-case kind           | kind            | \"study\"                 | body.kind",
            "unknown delivery channel  | deliveryChannel | \"FAX\"                   | body.deliveryChannel",
            "unknown deliverer         | deliveredBy     | \"POST\"                  | body.deliveredBy",
            "partner id with BANK      | partnerId       | \"p1\"                    | body.partnerId",
            "string for anonymous      | anonymous       | \"false\"                 | body.anonymous",
            "missing anonymous         | anonymous       |                           | body.anonymous",
            "missing languages         | languages       |                           | body.languages",
            "no languages              | languages       | []                        | body.languages",
            "unknown language          | languages       | [\"fi\",\"de\"]           | body.languages[1]",
            "upper-case language       | languages       | [\"FI\"]                  | body.languages[0]",
            "a language twice          | languages       | [\"fi\",\"fi\"]           | body.languages",
            "a string for languages    | languages       | \"fi\"                    | body.languages",
            "window of 0 days          | windowDays      | 0                         | body.windowDays",
            "window of 91 days         | windowDays      | 91                        | body.windowDays",
            "fractional window         | windowDays      | 1.5                       | body.windowDays",
            "string for reminder       | reminder        | \"yes\"                   | body.reminder",
            "unknown channel listened  | listensTo       | {\"FAX\":1}               | body.listensTo",
            "rate over 1               | listensTo       | {\"CHAT\":1.5}            | body.listensTo.CHAT",
            "negative rate             | listensTo       | {\"CHAT\":-0.1}           | body.listensTo.CHAT",
            "string for a rate         | listensTo       | {\"CHAT\":\"1\"}          | body.listensTo.CHAT",
            "listening to nothing      | listensTo       | {}                        | body.listensTo",
            "an array for listensTo    | listensTo       | [\"CHAT\"]                | body.listensTo",
    })
    void badDefinitionsAre400(String what, String member, String value, String field) {
        ObjectNode body = transactional();
        if (value == null) {
            body.remove(member);
        } else {
            body.set(member, readTree(value));
        }
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(SURVEYS).key(ADMIN).json(body.toString()));
            assertEquals(400, answer.status(), what);
            assertEquals("urn:palaute:problem:validation", answer.json().get("type").asText());
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what + ": " + answer.text());
            assertFalse(answer.text().contains("FAX") || answer.text().contains("POST") || answer.text().contains("\"de"),
                    "the value sent is never echoed");
        });
        assertEquals(0, fakes.writes(), "nothing changed");
    }

    /** The definition's own rules: their messages start with the member, which the answer names. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "reminder on a phone survey | {\"deliveryChannel\":\"PHONE\",\"deliveredBy\":\"PARTNER\",\"partnerId\":\"p1\"} | body.reminder",
            "bank delivers by phone     | {\"deliveryChannel\":\"PHONE\",\"reminder\":false}                                | body.deliveredBy",
            "anonymous interview        | {\"deliveryChannel\":\"ONSITE\",\"deliveredBy\":\"PARTNER\",\"partnerId\":\"p1\",\"reminder\":false,\"anonymous\":true} | body.anonymous",
            "a study listening          | {\"kind\":\"STUDY\"}                                                               | body.listensTo",
            "partner without an id      | {\"deliveredBy\":\"PARTNER\"}                                                      | body.partnerId",
            "name over 200 characters   | {\"name\":\"NAME201\"}                                                             | body.name",
    })
    void impossibleCombinationsAre400NamingTheMember(String what, String changes, String field) {
        fakes.addPartner("p1");
        ObjectNode body = transactional();
        body.setAll((ObjectNode) readTree(changes.replace("NAME201", "n".repeat(201))));
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(SURVEYS).key(ADMIN).json(body.toString()));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what + ": " + answer.text());
            Answer change = client.sendBad(Call.put(SURVEYS + "/01936f0e-0000-7000-8000-000000000001").key(ADMIN)
                    .json(body.deepCopy().put("state", "DRAFT").toString()));
            assertEquals(field, change.json().at("/invalidParams/0/name").asText(), "the same for a change");
        });
        assertEquals(0, fakes.writes(), "nothing changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"OPEN\"", "1"})
    void aChangeNeedsAKnownState(String state) {
        Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.DRAFT);
        ObjectNode body = transactional();
        if (!state.isEmpty()) {
            body.set("state", readTree(state));
        }
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put(SURVEYS + "/" + survey.id()).key(ADMIN).json(body.toString()));
            assertEquals(400, answer.status());
            assertEquals("body.state", answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }

    @Test
    void aNewSurveyHasNoState() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(SURVEYS).key(ADMIN)
                    .json(transactional().put("state", "ACTIVE").toString()));
            assertEquals("body.state", answer.json().at("/invalidParams/0/name").asText());
            assertEquals("unknown field", answer.json().at("/invalidParams/0/reason").asText());
        });
        assertEquals(0, fakes.writes());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
