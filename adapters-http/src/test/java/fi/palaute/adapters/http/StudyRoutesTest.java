package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.invitation.StartStudyCommand;
import fi.palaute.application.port.in.invitation.StartStudyResult;
import fi.palaute.application.port.in.invitation.StudyInvitee;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudyRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);

    private final FakeUseCases fakes = new FakeUseCases();
    private final Survey study = fakes.addSurvey(FakeUseCases.smsStudy(), SurveyState.ACTIVE);
    private final String studies = "/api/v1/surveys/" + study.id() + "/studies";

    @Test
    void aStudyGivesOneDecisionPerCustomerInListOrder() {
        TestServer.with(fakes, client -> {
            Answer started = client.send(Call.post(studies).key(ADMIN).json("""
                    {"controller":"OPK","customers":[
                      {"customerId":"C-1","language":"sv","mobile":"040 123 4567"},
                      {"customerId":"C-2","email":"Maija@Example.FI"},
                      {"customerId":"C-3","mobile":"+46 70 123 45 67","email":"a@b.fi"}]}"""));
            assertEquals(200, started.status());
            JsonNode body = started.json();
            assertEquals(study.id().value(), body.get("surveyId").asText());
            JsonNode decisions = body.get("decisions");
            assertEquals(3, decisions.size());
            assertEquals("C-1", decisions.get(0).get("customerId").asText());
            assertEquals("INVITED", decisions.get(0).get("reason").asText());
            assertEquals("C-2", decisions.get(1).get("customerId").asText());
            assertEquals("NO_CONTACT_POINT", decisions.get(1).get("reason").asText(), "an SMS study needs a mobile");
            assertEquals("INVITED", decisions.get(2).get("reason").asText());
        });
        StartStudyCommand command = fakes.startedStudies.get(0);
        assertEquals(new Controller("OPK"), command.controller());
        StudyInvitee first = command.invitees().get(0);
        assertEquals(Optional.of(Language.SV), first.language());
        assertEquals(Optional.of(new MobileNumber("+358401234567")), first.contactPoints().mobile(), "normalised");
        StudyInvitee second = command.invitees().get(1);
        assertEquals(Optional.empty(), second.language(), "the survey's first language is the use case's to pick");
        assertEquals(Optional.of(new EmailAddress("Maija@example.fi")), second.contactPoints().email());
    }

    @Test
    void eachResultIsMapped() {
        TestServer.with(fakes, client -> {
            String body = "{\"controller\":\"OPK\",\"customers\":[{\"customerId\":\"C-1\"}]}";
            fakes.startStudy = command -> new StartStudyResult.NoSuchSurvey();
            assertEquals(404, client.sendBad(Call.post(studies).key(ADMIN).json(body)).status());
            fakes.startStudy = command -> new StartStudyResult.NotStartable("the survey is PAUSED; activate it first");
            Answer notStartable = client.sendBad(Call.post(studies).key(ADMIN).json(body));
            assertEquals(409, notStartable.status());
            assertEquals("urn:palaute:problem:conflict", notStartable.json().get("type").asText());
            assertEquals("the survey is PAUSED; activate it first", notStartable.json().get("detail").asText());
        });
    }

    @Test
    void aTransactionalSurveyIsNotAStudy() {
        Survey transactional = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.ACTIVE);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post("/api/v1/surveys/" + transactional.id() + "/studies").key(ADMIN)
                    .json("{\"controller\":\"OPK\",\"customers\":[{\"customerId\":\"C-1\"}]}"));
            assertEquals(409, answer.status());
            assertFalse(answer.text().contains("C-1"));
        });
    }

    @Test
    void anUnknownOrImpossibleSurveyIs404() {
        TestServer.with(fakes, client -> {
            String body = "{\"controller\":\"OPK\",\"customers\":[{\"customerId\":\"C-1\"}]}";
            assertEquals(404, client.sendBad(Call.post("/api/v1/surveys/nope/studies").key(ADMIN).json(body)).status());
            assertEquals(404, client.sendBad(Call.post("/api/v1/surveys/n%7Cope/studies").key(ADMIN).json(body))
                    .status());
        });
        assertEquals(1, fakes.calls("startStudy"), "the impossible id never reached the use case");
    }

    @Test
    void aListOf1000IsTakenAndOf1001Refused() {
        TestServer.with(fakes, client -> {
            Answer full = client.send(Call.post(studies).key(ADMIN).json(customers(1000)));
            assertEquals(1000, full.json().get("decisions").size());
            Answer over = client.sendBad(Call.post(studies).key(ADMIN).json(customers(1001)));
            assertEquals(400, over.status());
            assertEquals("body.customers", over.json().at("/invalidParams/0/name").asText());
            Answer empty = client.sendBad(Call.post(studies).key(ADMIN).json("{\"controller\":\"OPK\",\"customers\":[]}"));
            assertEquals("body.customers", empty.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(1, fakes.writes(), "only the list of 1000 reached the use case");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field             | {\"customerId\":\"C-9\",\"ssn\":\"x\"}         | body.customers[1].ssn",
            "missing customer id       | {\"email\":\"secret@example.fi\"}              | body.customers[1].customerId",
            "personal identity number  | {\"customerId\":\"131052-308T\"}               | body.customers[1].customerId",
            "customer id with a space  | {\"customerId\":\"C 9\"}                       | body.customers[1].customerId",
            "number for a customer id  | {\"customerId\":9}                             | body.customers[1].customerId",
            "a customer twice          | {\"customerId\":\"C-0\"}                       | body.customers[1].customerId",
            "e-mail without domain     | {\"customerId\":\"C-9\",\"email\":\"secret@\"} | body.customers[1].email",
            "e-mail with two @         | {\"customerId\":\"C-9\",\"email\":\"se@cr@et.fi\"} | body.customers[1].email",
            "Finnish landline          | {\"customerId\":\"C-9\",\"mobile\":\"09 1234 5678\"} | body.customers[1].mobile",
            "letters in mobile         | {\"customerId\":\"C-9\",\"mobile\":\"040SECRET\"} | body.customers[1].mobile",
            "unknown language          | {\"customerId\":\"C-9\",\"language\":\"de\"}   | body.customers[1].language",
            "a row that is a string    | \"C-9\"                                        | body.customers[1]",
    })
    void aBadRowIs400NamingItAndNeverEchoingIt(String what, String row, String field) {
        String body = "{\"controller\":\"OPK\",\"customers\":[{\"customerId\":\"C-0\"}," + row + "]}";
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(studies).key(ADMIN).json(body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what + ": " + answer.text());
            for (String sent : new String[] {"C-0", "C-9", "C 9", "131052", "secret", "cr@et", "1234", "SECRET"}) {
                assertFalse(answer.text().contains(sent), what + " echoed " + sent + ": " + answer.text());
            }
        });
        assertEquals(0, fakes.writes(), "nothing changed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"customers\":[{\"customerId\":\"C-1\"}]}                        | body.controller",
            "{\"controller\":\"O P\",\"customers\":[{\"customerId\":\"C-1\"}]} | body.controller",
            "{\"controller\":\"OPK\"}                                           | body.customers",
            "{\"controller\":\"OPK\",\"customers\":{\"customerId\":\"C-1\"}}   | body.customers"})
    void aBadListIs400(String body, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(studies).key(ADMIN).json(body));
            assertEquals(400, answer.status());
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.writes());
    }

    private static String customers(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"customerId\":\"C-" + i + "\",\"mobile\":\"+35840" + (1000000 + i) + "\"}")
                .collect(Collectors.joining(",", "{\"controller\":\"OPK\",\"customers\":[", "]}"));
    }
}
