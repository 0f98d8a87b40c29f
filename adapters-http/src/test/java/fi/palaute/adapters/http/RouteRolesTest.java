package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.access.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin route answers only ADMIN keys, the service-event route only EVENT_SOURCE keys, the partner API
 * only PARTNER keys, and the reports only ANALYST keys. The survey page needs no key, and a key changes nothing
 * there. The dashboard is opened by its session cookie alone, and the document says so.
 */
class RouteRolesTest {

    private static final String SURVEY = "/api/v1/surveys/01936f0e-0000-7000-8000-000000000001";
    private static final String INVITATION = "/api/v1/partner/invitations/01936f0e-0000-7000-8000-000000000002";
    private static final String FOLLOW_UP = "/api/v1/follow-ups/01936f0e-0000-7000-8000-000000000003";
    private static final String REPORT = "/api/v1/reports/nps?period=MONTH&from=2026-01&to=2026-11&by=CHANNEL";
    private static final String REPORT_CSV = "/api/v1/reports/nps.csv?period=YEAR&from=2026&to=2026";

    record Route(String name, Role allowed, Supplier<Call> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Route> routes() {
        return List.of(
                new Route("create partner", Role.ADMIN, () -> Call.post("/api/v1/partners")
                        .json("{\"partnerId\":\"p1\",\"name\":\"P\"}")),
                new Route("list partners", Role.ADMIN, () -> Call.get("/api/v1/partners")),
                new Route("erase survey data", Role.ADMIN, () -> Call.delete("/api/v1/customers/C-1/survey-data")),
                new Route("show partner", Role.ADMIN, () -> Call.get("/api/v1/partners/p1")),
                new Route("create partner key", Role.ADMIN, () -> Call.post("/api/v1/partners/p1/keys").json("{}")),
                new Route("list partner keys", Role.ADMIN, () -> Call.get("/api/v1/partners/p1/keys")),
                new Route("revoke partner key", Role.ADMIN, () ->
                        Call.delete("/api/v1/partners/p1/keys/00000000-0000-7000-8000-000000000000")),
                new Route("create survey", Role.ADMIN, () -> Call.post("/api/v1/surveys")
                        .json(SurveyRoutesTest.transactional().toString())),
                new Route("list surveys", Role.ADMIN, () -> Call.get("/api/v1/surveys")),
                new Route("show survey", Role.ADMIN, () -> Call.get(SURVEY)),
                new Route("change survey", Role.ADMIN, () -> Call.put(SURVEY)
                        .json(SurveyRoutesTest.transactional().put("state", "DRAFT").toString())),
                new Route("save template", Role.ADMIN, () -> Call.put(SURVEY + "/templates/EMAIL/fi")
                        .json("{\"subject\":\"S\",\"body\":\"B {{surveyLink}}\"}")),
                new Route("show template", Role.ADMIN, () -> Call.get(SURVEY + "/templates/EMAIL/fi")),
                new Route("start study", Role.ADMIN, () -> Call.post(SURVEY + "/studies")
                        .json("{\"controller\":\"OPK\",\"customers\":[{\"customerId\":\"C-1\"}]}")),
                new Route("show funnel", Role.ADMIN, () -> Call.get(SURVEY + "/funnel?from=2026-01-01&to=2026-01-31")),
                new Route("record service events", Role.EVENT_SOURCE, () -> Call.post("/api/v1/service-events")
                        .json(ServiceEventRoutesTest.event("e1"))),
                new Route("query audit log", Role.ADMIN, () ->
                        Call.get("/api/v1/audit?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z")),
                new Route("list ready invitations", Role.PARTNER, () -> Call.get("/api/v1/partner/invitations")),
                new Route("claim invitations", Role.PARTNER, () -> Call.post("/api/v1/partner/invitations/claim")
                        .json("{\"limit\":10}")),
                new Route("show partner invitation", Role.PARTNER, () -> Call.get(INVITATION)),
                new Route("reissue invitation", Role.PARTNER, () -> Call.post(INVITATION + "/reissue")),
                new Route("report delivery", Role.PARTNER, () -> Call.post(INVITATION + "/delivery")
                        .json("{\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25T10:00:00Z\"}")),
                new Route("read partner changes", Role.PARTNER, () -> Call.get("/api/v1/partner/changes?after=0.0")),
                new Route("record phone answer", Role.PARTNER, () -> Call.post(INVITATION + "/response")
                        .json("{\"score\":9,\"comment\":\"Hyvä\",\"contactAllowed\":false}")),
                new Route("record onsite acceptance", Role.PARTNER, () -> Call.post(INVITATION + "/onsite-acceptance")
                        .json("{\"accepted\":true,\"meetingAt\":\"2026-12-01T10:00:00Z\",\"place\":\"Vallila\"}")),
                new Route("list follow-ups", Role.ADMIN, () -> Call.get("/api/v1/follow-ups?channel=BRANCH")),
                new Route("show follow-up", Role.ADMIN, () -> Call.get(FOLLOW_UP)),
                new Route("take follow-up", Role.ADMIN, () -> Call.post(FOLLOW_UP)
                        .json("{\"action\":\"TAKE\",\"agentId\":\"a1\"}")),
                new Route("close follow-up", Role.ADMIN, () -> Call.post(FOLLOW_UP)
                        .json("{\"action\":\"CLOSE\",\"outcome\":\"RESOLVED\"}")),
                new Route("NPS report", Role.ANALYST, () -> Call.get(REPORT)),
                new Route("NPS report as CSV", Role.ANALYST, () -> Call.get(REPORT_CSV)));
    }

    private final FakeUseCases fakes = new FakeUseCases();

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyOtherRoleIs403AndNoKeyIs401(Route route) {
        TestServer.with(fakes, client -> {
            for (Role role : EnumSet.complementOf(EnumSet.of(route.allowed()))) {
                Answer answer = client.sendBad(route.call().get().key(keyFor(role)));
                assertEquals(403, answer.status(), role.name());
                assertEquals("urn:palaute:problem:forbidden", answer.json().get("type").asText());
            }
            Answer anonymous = client.sendBad(route.call().get());
            assertEquals(401, anonymous.status());
            assertEquals("Bearer", anonymous.header("WWW-Authenticate").orElse(""));
            Answer unknownKey = client.sendBad(route.call().get().key("pal_unknown"));
            assertEquals(401, unknownKey.status());
        });
        assertEquals(0, fakes.writes(), "nothing reached a use case");
        for (String useCase : List.of("listPartners", "showPartner", "listPartnerKeys", "listSurveys", "showSurvey",
                "showTemplate", "showFunnel", "listReadyInvitations", "showPartnerInvitation", "readPartnerChanges",
                "queryAuditLog", "listFollowUps", "showFollowUp", "showNpsReport")) {
            assertEquals(0, fakes.calls(useCase), useCase);
        }
    }

    /** The document names ANALYST for every report route, and the session cookie, never a key, for the dashboard's. */
    @Test
    void theDocumentSaysWhoMayCallTheReportsAndTheDashboard() throws Exception {
        JsonNode document = new ObjectMapper().readTree(OpenApiDocument.asJson());
        JsonNode paths = document.get("paths");
        assertEquals("[{\"bearerKey\":[]}]", document.get("security").toString(), "the API's default");
        assertEquals("apiKey", document.at("/components/securitySchemes/dashboardSession/type").asText());
        assertEquals("cookie", document.at("/components/securitySchemes/dashboardSession/in").asText());
        assertEquals("palaute_session", document.at("/components/securitySchemes/dashboardSession/name").asText());
        List<String> reports = new ArrayList<>();
        List<String> dashboard = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/v1/reports/")) {
                reports.add(path);
            } else if (path.startsWith("/dashboard")) {
                dashboard.add(path);
            }
        });
        assertEquals(List.of("/api/v1/reports/nps", "/api/v1/reports/nps.csv"), reports);
        for (String path : reports) {
            JsonNode get = paths.get(path).get("get");
            assertFalse(get.has("security"), path + " keeps the bearer key");
            assertTrue(get.get("description").asText().startsWith("Role ANALYST."), path);
            assertTrue(get.get("responses").has("403"), path);
        }
        assertTrue(dashboard.containsAll(List.of("/dashboard", "/dashboard/session", "/dashboard/session/close",
                "/dashboard/data/nps", "/dashboard/nps.csv")), dashboard.toString());
        for (String path : dashboard) {
            paths.get(path).properties().forEach(operation -> {
                String security = operation.getValue().get("security").toString();
                assertFalse(security.contains("bearerKey"), path + " is never opened by a key");
                if (path.equals("/dashboard/data/nps") || path.equals("/dashboard/nps.csv")) {
                    assertEquals("[{\"dashboardSession\":[]}]", security, path + " needs the session");
                    assertTrue(operation.getValue().get("responses").has("401"), path);
                }
            });
        }
        assertEquals("[{},{\"dashboardSession\":[]}]", paths.at("/~1dashboard/get/security").toString(),
                "the page answers with and without a session");
    }

    /** A key of any role opens no dashboard route, and the session cookie opens no API route. */
    @Test
    void dashboardDataNeedsTheSessionAndNotAKey() {
        String session = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            for (Role role : Role.values()) {
                assertEquals(401, client.sendBad(Call.get(REPORT.replace("/api/v1/reports/nps", "/dashboard/data/nps"))
                        .key(keyFor(role))).status(), role.name());
                assertEquals(401, client.sendPage(Call.get(REPORT_CSV.replace("/api/v1/reports", "/dashboard"))
                        .key(keyFor(role))).status(), role.name());
            }
            assertEquals(401, client.sendBad(Call.get(REPORT).header("Cookie", "palaute_session=" + session)).status());
            assertEquals(200, client.send(Call.get(REPORT.replace("/api/v1/reports/nps", "/dashboard/data/nps"))
                    .header("Cookie", "palaute_session=" + session)).status());
        });
        assertEquals(1, fakes.calls("showNpsReport"));
    }

    /** The customer's page is reached by its link alone: no key is asked for, and a key of any role is ignored. */
    @Test
    void theSurveyPageNeedsNoKeyAndIgnoresOne() {
        String link = "/s/" + "A".repeat(43);
        TestServer.with(fakes, client -> {
            for (Role role : Role.values()) {
                Answer withKey = client.sendPage(Call.get(link).key(keyFor(role)));
                Answer withoutKey = client.sendPage(Call.get(link));
                assertEquals(410, withKey.status(), role.name());
                assertEquals(withoutKey.text(), withKey.text(), role.name());
                assertEquals(200, client.send(Call.get("/assets/survey.css").key(keyFor(role))).status());
            }
            assertEquals(410, client.sendPage(Call.post("/s/x").key("pal_unknown").form("score=1")).status(),
                    "not even an unknown key is refused: the token decides");
        });
    }
}
