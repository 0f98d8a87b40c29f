package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.access.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin route answers only ADMIN keys, the service-event route only EVENT_SOURCE keys, and the partner API
 * only PARTNER keys. The survey page needs no key, and a key changes nothing there.
 */
class RouteRolesTest {

    private static final String SURVEY = "/api/v1/surveys/01936f0e-0000-7000-8000-000000000001";
    private static final String INVITATION = "/api/v1/partner/invitations/01936f0e-0000-7000-8000-000000000002";
    private static final String FOLLOW_UP = "/api/v1/follow-ups/01936f0e-0000-7000-8000-000000000003";

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
                        .json("{\"action\":\"CLOSE\",\"outcome\":\"RESOLVED\"}")));
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
                "queryAuditLog", "listFollowUps", "showFollowUp")) {
            assertEquals(0, fakes.calls(useCase), useCase);
        }
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
