package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.survey.SaveTemplateCommand;
import fi.palaute.application.port.in.survey.SaveTemplateResult;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateField;
import fi.palaute.domain.survey.TemplateSlot;
import fi.palaute.domain.survey.TemplateViolation;
import fi.palaute.domain.survey.TemplateViolationCode;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);

    private final FakeUseCases fakes = new FakeUseCases();
    private final Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.DRAFT);
    private final String templates = "/api/v1/surveys/" + survey.id() + "/templates";

    @Test
    void aSavedTemplateComesBackWithItsPreview() {
        TestServer.with(fakes, client -> {
            Answer saved = client.send(Call.put(templates + "/EMAIL/fi").key(ADMIN).json(
                    "{\"subject\":\"Miten onnistuimme?\",\"body\":\"Kiitos käynnistä!\\nVastaa: {{surveyLink}}\\n\"}"));
            assertEquals(200, saved.status());
            JsonNode template = saved.json();
            assertEquals(survey.id().value(), template.get("surveyId").asText());
            assertEquals("EMAIL", template.get("channel").asText());
            assertEquals("fi", template.get("language").asText());
            assertEquals("Miten onnistuimme?", template.get("subject").asText());
            assertEquals("Kiitos käynnistä!\nVastaa: {{surveyLink}}\n", template.get("body").asText());
            assertEquals("2026-11-25T10:15:30.123Z", template.get("updatedAt").asText());
            assertEquals("Miten onnistuimme?", template.at("/preview/subject").asText());
            assertEquals("Kiitos käynnistä!\nVastaa: https://palaute.example/s/EXAMPLE-LINK\n\n"
                    + "OP ei koskaan pyydä verkkopankkitunnuksia linkin kautta.", template.at("/preview/body").asText(),
                    "the link filled in and the notice appended");

            assertEquals(template, client.send(Call.get(templates + "/EMAIL/fi").key(ADMIN)).json());
        });
    }

    @Test
    void anSmsTemplateHasNoSubject() {
        AtomicReference<SaveTemplateCommand> seen = new AtomicReference<>();
        var real = fakes.saveTemplate;
        fakes.saveTemplate = command -> {
            seen.set(command);
            return real.save(command);
        };
        TestServer.with(fakes, client -> {
            JsonNode template = client.send(Call.put(templates + "/SMS/sv").key(ADMIN)
                    .json("{\"body\":\"Tack för besöket! Svara här: {{surveyLink}}\"}")).json();
            assertEquals("", template.get("subject").asText());
            assertEquals("SMS", template.get("channel").asText());
            assertTrue(template.at("/preview/body").asText().endsWith("OP ber aldrig om nätbankskoder via en länk."));
        });
        assertEquals(new TemplateSlot(TemplateChannel.SMS, Language.SV), seen.get().slot());
        assertEquals("", seen.get().subject());
    }

    @Test
    void aTemplateWithTwoLinksIs422NamingEachViolation() {
        fakes.saveTemplate = command -> new SaveTemplateResult.Refused(List.of(
                new TemplateViolation(TemplateField.BODY, TemplateViolationCode.PLACEHOLDER_REPEATED,
                        "{{surveyLink}}", "The body holds {{surveyLink}} 2 times; a template holds exactly one link."),
                new TemplateViolation(TemplateField.SUBJECT, TemplateViolationCode.SUBJECT_MISSING, "",
                        "An e-mail invitation needs a subject.")));
        TestServer.with(fakes, client -> {
            Answer refused = client.sendBad(Call.put(templates + "/EMAIL/en").key(ADMIN)
                    .json("{\"body\":\"{{surveyLink}} and again {{surveyLink}}\"}"));
            assertEquals(422, refused.status());
            JsonNode problem = refused.json();
            assertEquals("urn:palaute:problem:template-refused", problem.get("type").asText());
            assertEquals(2, problem.get("violations").size());
            assertEquals("body", problem.at("/violations/0/field").asText());
            assertEquals("PLACEHOLDER_REPEATED", problem.at("/violations/0/code").asText());
            assertEquals("{{surveyLink}}", problem.at("/violations/0/fragment").asText());
            assertEquals("subject", problem.at("/violations/1/field").asText());
            assertEquals("", problem.at("/violations/1/fragment").asText());
            assertEquals("Nothing was saved: 2 violations, listed in violations.", problem.get("detail").asText());
        });
    }

    /** Through the real R-TEMPLATE check: the answer quotes the author's own offending text back. */
    @Test
    void theRealTemplateCheckRefusesAForeignLinkAndALoginRequest() {
        TestServer.with(fakes, client -> {
            Answer refused = client.sendBad(Call.put(templates + "/EMAIL/fi").key(ADMIN).json(
                    "{\"subject\":\"Palaute\",\"body\":\"Kirjaudu osoitteessa https://op-tunnistus.example/login ja vastaa: {{surveyLink}}\"}"));
            assertEquals(422, refused.status());
            JsonNode violations = refused.json().get("violations");
            List<String> codes = new java.util.ArrayList<>();
            violations.forEach(v -> codes.add(v.get("code").asText()));
            assertTrue(codes.contains("FOREIGN_LINK"), codes.toString());
            assertTrue(codes.contains("ASKS_TO_LOG_IN"), codes.toString());
            assertTrue(refused.text().contains("op-tunnistus.example"), "the offending part is named");
            assertEquals(404, client.sendBad(Call.get(templates + "/EMAIL/fi").key(ADMIN)).status(),
                    "nothing was saved");
        });
    }

    @Test
    void eachOtherResultIsMapped() {
        TestServer.with(fakes, client -> {
            String body = "{\"subject\":\"S\",\"body\":\"B {{surveyLink}}\"}";
            fakes.saveTemplate = command -> new SaveTemplateResult.NoSuchSurvey();
            assertEquals(404, client.sendBad(Call.put(templates + "/EMAIL/fi").key(ADMIN).json(body)).status());
            fakes.saveTemplate = command -> new SaveTemplateResult.SurveyClosed();
            Answer closed = client.sendBad(Call.put(templates + "/EMAIL/fi").key(ADMIN).json(body));
            assertEquals(409, closed.status());
            assertEquals("urn:palaute:problem:conflict", closed.json().get("type").asText());
        });
    }

    @Test
    void aClosedSurveysTemplatesStay() {
        Survey closed = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.CLOSED);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put("/api/v1/surveys/" + closed.id() + "/templates/EMAIL/fi")
                    .key(ADMIN).json("{\"subject\":\"S\",\"body\":\"B {{surveyLink}}\"}"));
            assertEquals(409, answer.status());
        });
    }

    @Test
    void aTemplateNotThereIs404() {
        TestServer.with(fakes, client -> {
            assertEquals(404, client.sendBad(Call.get(templates + "/SMS/en").key(ADMIN)).status());
            assertEquals(404, client.sendBad(Call.get("/api/v1/surveys/nope/templates/SMS/en").key(ADMIN)).status());
            assertEquals(404, client.sendBad(Call.put("/api/v1/surveys/no%20pe/templates/SMS/en").key(ADMIN)
                    .json("{\"body\":\"B {{surveyLink}}\"}")).status());
        });
        assertEquals(0, fakes.writes());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "phone has no template   | PHONE/fi | {\"body\":\"B {{surveyLink}}\"}             | path.channel",
            "lower-case channel      | email/fi | {\"body\":\"B {{surveyLink}}\"}             | path.channel",
            "unknown language        | SMS/de   | {\"body\":\"B {{surveyLink}}\"}             | path.language",
            "upper-case language     | SMS/FI   | {\"body\":\"B {{surveyLink}}\"}             | path.language",
            "missing body            | SMS/fi   | {\"subject\":\"\"}                          | body.body",
            "number for a body       | SMS/fi   | {\"body\":1}                                | body.body",
            "unknown field           | SMS/fi   | {\"body\":\"B {{surveyLink}}\",\"html\":\"<a>\"} | body.html",
    })
    void badTemplateRequestsAre400(String what, String slot, String body, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.put(templates + "/" + slot).key(ADMIN).json(body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
            assertTrue(!answer.text().contains("PHONE/") && !answer.text().contains("\"de\""), "not echoed");
        });
        assertEquals(0, fakes.writes(), "nothing changed");
    }
}
