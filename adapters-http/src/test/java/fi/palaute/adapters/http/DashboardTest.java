package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.report.ReportCell;
import fi.palaute.domain.response.NpsCounts;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysts' dashboard over real HTTP with the use cases faked: signing in and out and the session cookie, the
 * page's parts, the data and CSV routes that only a session opens, and the headers and the CSP-clean markup of
 * every answer.
 */
class DashboardTest {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String ANALYST_KEY = keyFor(Role.ANALYST);
    static final Pattern SESSION_COOKIE = Pattern.compile(
            "palaute_session=([A-Za-z0-9_-]{43}); Path=/dashboard; Max-Age=(\\d+); HttpOnly; SameSite=Strict(; Secure)?");
    static final String REPORT = "period=MONTH&from=2026-09&to=2026-11&by=CHANNEL";
    static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.js";

    private final FakeUseCases fakes = new FakeUseCases();

    static Call session(Call call, String secret) {
        return call.header("Cookie", "palaute_session=" + secret);
    }

    // --- signing in

    @ParameterizedTest
    @CsvSource({"fi, Kirjaudu NPS-näkymään, API-avain", "sv, Logga in i NPS-översikten, API-nyckel",
            "en, Sign in to the NPS dashboard, API key"})
    void withoutASessionTheDashboardIsASignInPageWithAPasswordField(String lang, String title, String label) {
        TestServer.with(fakes, client -> {
            Answer page = client.send(Call.get("/dashboard?lang=" + lang));
            assertEquals(200, page.status());
            assertEquals("text/html;charset=utf-8", contentType(page));
            assertDashboardHeaders(page);
            String html = page.text();
            assertTrue(html.contains("<html lang=\"" + lang + "\">"), html);
            assertTrue(html.contains("<h1 id=\"sign-in-title\">" + title + "</h1>"), html);
            assertTrue(html.contains("<form id=\"sign-in-form\" class=\"sign-in\" method=\"post\""
                    + " action=\"/dashboard/session\""), "posted, never in an address: " + html);
            assertTrue(html.contains("<label for=\"api-key\">" + label + "</label>"), html);
            assertTrue(html.contains("<input type=\"password\" id=\"api-key\" name=\"apiKey\""), html);
            assertTrue(html.contains("<input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">"), html);
            assertFalse(html.contains("<script"), "no script before signing in");
            assertFalse(html.contains("nps-chart"), "no data before signing in");
            assertTrue(page.header("Set-Cookie").isEmpty());
        });
        assertEquals(0, fakes.calls("showNpsReport"));
    }

    @Test
    void anAnalystKeyOpensASessionCookieAndLeadsToTheDashboard() {
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.post("/dashboard/session").form("apiKey=" + ANALYST_KEY + "&lang=sv"));
            assertEquals(303, answer.status());
            assertEquals("/dashboard?lang=sv", answer.header("Location").orElse(""));
            assertDashboardHeaders(answer);
            String cookie = answer.header("Set-Cookie").orElse("");
            Matcher matcher = SESSION_COOKIE.matcher(cookie);
            assertTrue(matcher.matches(), cookie);
            assertEquals(Long.toString(FakeUseCases.SESSION_LENGTH.getSeconds()), matcher.group(2),
                    "Max-Age: until the session ends, by the server's clock");
            assertEquals(null, matcher.group(3), "not Secure over plain http");
            assertTrue(fakes.sessionIsLive(matcher.group(1)), "the cookie holds the session's secret");
            assertKeyNowhere(answer, ANALYST_KEY);

            Answer dashboard = client.send(session(Call.get("/dashboard?lang=sv"), matcher.group(1)));
            assertEquals(200, dashboard.status());
            assertTrue(dashboard.text().contains("id=\"nps-chart\""), "signed in");
            assertKeyNowhere(dashboard, ANALYST_KEY);
        });
        assertEquals(1, fakes.calls("openDashboardSession"));
    }

    @ParameterizedTest
    @CsvSource({"https, https", "'https, http', https"})
    void overHttpsTheCookieIsSecure(String forwardedProto, String expected) {
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.post("/dashboard/session").header("X-Forwarded-Proto", forwardedProto)
                    .form("apiKey=" + ANALYST_KEY));
            Matcher matcher = SESSION_COOKIE.matcher(answer.header("Set-Cookie").orElse(""));
            assertTrue(matcher.matches());
            assertEquals("; Secure", matcher.group(3), expected);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"key-admin", "key-partner", "pal_unknownKeyThatNobodyHas", "key-customer_service"})
    void anyOtherKeyIsRefusedWithOneGenericPageAndNoCookie(String key) {
        TestServer.with(fakes, client -> {
            Answer refused = client.sendPage(Call.post("/dashboard/session").form("apiKey=" + key + "&lang=en"));
            assertEquals(401, refused.status());
            assertDashboardHeaders(refused);
            assertTrue(refused.header("Set-Cookie").isEmpty());
            assertTrue(refused.text().contains("Signing in failed. Check that the key is a valid analyst&#39;s key."));
            assertTrue(refused.text().contains("aria-invalid=\"true\""));
            assertKeyNowhere(refused, key);
            Answer unknown = client.sendPage(Call.post("/dashboard/session").form("apiKey=pal_other&lang=en"));
            assertEquals(refused.text(), unknown.text(), "the same page whatever was wrong with the key");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "apiKey=", "apiKey=%20%20", "lang=fi", "apiKey=a&apiKey=b"})
    void noKeyIs400AndChecksNothing(String form) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendPage(Call.post("/dashboard/session").form(form));
            assertEquals(400, answer.status());
            assertTrue(answer.text().contains("Anna API-avain."), answer.text());
            assertTrue(answer.header("Set-Cookie").isEmpty());
        });
        assertEquals(0, fakes.calls("openDashboardSession"));
    }

    @Test
    void anOverlongKeyIsRefusedWithoutBeingChecked() {
        TestServer.with(fakes, client -> assertEquals(401,
                client.sendPage(Call.post("/dashboard/session").form("apiKey=" + "k".repeat(201))).status()));
        assertEquals(0, fakes.calls("openDashboardSession"));
    }

    @Test
    void aPostFromAnotherSiteIsRefusedBeforeTheKeyIsChecked() {
        TestServer.with(fakes, client -> {
            String thisHost = "http://localhost:" + client.port();
            for (String origin : List.of("https://evil.example", "null", "http://localhost:1", "https://localhost:"
                    + client.port(), "not a url")) {
                Answer answer = client.sendPage(Call.post("/dashboard/session").header("Origin", origin)
                        .form("apiKey=" + ANALYST_KEY + "&lang=en"));
                assertEquals(403, answer.status(), origin);
                assertTrue(answer.text().contains("The request came from another site"), answer.text());
                assertTrue(answer.header("Set-Cookie").isEmpty());
                assertDashboardHeaders(answer);
            }
            for (String fetchSite : List.of("cross-site", "same-site")) {
                Answer elsewhere = client.sendPage(Call.post("/dashboard/session").header("Sec-Fetch-Site", fetchSite)
                        .header("Origin", thisHost).form("apiKey=" + ANALYST_KEY));
                assertEquals(403, elsewhere.status(), fetchSite);
            }
            assertEquals(0, fakes.calls("openDashboardSession"), "nothing was checked");

            // Under Referrer-Policy: no-referrer a browser's own same-origin post says Origin: null.
            Answer ownPage = client.send(Call.post("/dashboard/session").header("Origin", "null")
                    .header("Sec-Fetch-Site", "same-origin").form("apiKey=" + ANALYST_KEY));
            assertEquals(303, ownPage.status());

            Answer sameOrigin = client.send(Call.post("/dashboard/session").header("Origin", thisHost)
                    .header("Sec-Fetch-Site", "same-origin").form("apiKey=" + ANALYST_KEY));
            assertEquals(303, sameOrigin.status());
            Answer proxied = client.send(Call.post("/dashboard/session").header("Origin", "https://palaute.op.fi")
                    .header("X-Forwarded-Host", "palaute.op.fi").header("X-Forwarded-Proto", "https")
                    .form("apiKey=" + ANALYST_KEY));
            assertEquals(303, proxied.status(), "behind a proxy the forwarded host is this host");
        });
    }

    // --- signing out

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            Answer answer = client.send(session(Call.post("/dashboard/session/close"), secret).form("lang=en"));
            assertEquals(303, answer.status());
            assertEquals("/dashboard?lang=en", answer.header("Location").orElse(""));
            assertEquals("palaute_session=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Strict",
                    answer.header("Set-Cookie").orElse(""));
            assertDashboardHeaders(answer);
            assertFalse(fakes.sessionIsLive(secret));
            assertEquals(List.of(secret), fakes.closedSessions);

            Answer after = client.send(session(Call.get("/dashboard"), secret));
            assertTrue(after.text().contains("id=\"sign-in-form\""), "the old cookie opens nothing");
            assertEquals(401, client.sendBad(session(Call.get("/dashboard/data/nps?" + REPORT), secret)).status());
            assertEquals(401, client.sendPage(session(Call.get("/dashboard/nps.csv?" + REPORT), secret)).status());
        });
    }

    @Test
    void signingOutWithoutASessionStillClearsTheCookie() {
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.post("/dashboard/session/close"));
            assertEquals(303, answer.status());
            assertTrue(answer.header("Set-Cookie").orElse("").contains("Max-Age=0"));
        });
        assertEquals(0, fakes.calls("closeDashboardSession"));
    }

    @Test
    void signingOutFromAnotherSiteIsRefused() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendPage(session(Call.post("/dashboard/session/close"), secret)
                    .header("Origin", "https://evil.example"));
            assertEquals(403, answer.status());
            assertTrue(answer.header("Set-Cookie").isEmpty());
        });
        assertTrue(fakes.sessionIsLive(secret));
    }

    // --- the page

    @Test
    void theSignedInPageHasTheFormTheChartTheTableAndTheCsvLink() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            Answer page = client.send(session(Call.get("/dashboard?lang=en&" + REPORT), secret));
            assertEquals(200, page.status());
            assertDashboardHeaders(page);
            String html = page.text();
            String query = "period=MONTH&amp;from=2026-09&amp;to=2026-11&amp;by=CHANNEL";
            for (String part : List.of(
                    "<script src=\"" + CHART_JS + "\" defer></script>",
                    "<script src=\"/dashboard/assets/dashboard.js\" defer></script>",
                    "<link rel=\"stylesheet\" href=\"/dashboard/assets/dashboard.css\">",
                    "<form id=\"report-form\" class=\"report-form\" method=\"get\" action=\"/dashboard\">",
                    "<option value=\"MONTH\" selected>Month</option>",
                    "<input type=\"text\" id=\"from\" name=\"from\" value=\"2026-09\"",
                    "<input type=\"text\" id=\"to\" name=\"to\" value=\"2026-11\"",
                    "<option value=\"CHANNEL\" selected>Channel</option>",
                    "<option value=\"CHANNEL,LANGUAGE\">Channel and language</option>",
                    "<canvas id=\"nps-chart\" role=\"img\"",
                    "data-source=\"/dashboard/data/nps?" + query + "\"",
                    "data-by=\"CHANNEL\"",
                    "data-ready=\"false\"",
                    "<p class=\"chart-status\" id=\"chart-status\" role=\"status\" aria-live=\"polite\"></p>",
                    "<table id=\"nps-table\">",
                    "<caption id=\"nps-table-caption\">NPS, month 2026-09–2026-11, channel</caption>",
                    "<th scope=\"col\">Period</th>",
                    "<th scope=\"col\">Channel</th>",
                    "<th scope=\"col\" class=\"num\">NPS</th>",
                    "<a id=\"csv-link\" href=\"/dashboard/nps.csv?" + query + "\" download>",
                    "<form id=\"sign-out-form\" class=\"sign-out\" method=\"post\" action=\"/dashboard/session/close\">")) {
                assertTrue(html.contains(part), part + "\n" + html);
            }
            assertEquals(12, count(html, "<th scope=\"row\">"), "one row per cell");
            assertTrue(html.contains("<tr class=\"total\" data-period=\"2026-09\" data-suppressed=\"false\">\n"
                    + "<th scope=\"row\">2026-09</th>\n<td>All</td>\n<td class=\"num\">200</td>\n"
                    + "<td class=\"num\">60.0</td>\n<td class=\"num\">25.0</td>\n<td class=\"num\">15.0</td>\n"
                    + "<td class=\"num\">45.0</td>\n<td class=\"num\">±10.3</td>\n</tr>"), html);
            assertEquals(2, count(html, "data-suppressed=\"true\""));
            assertTrue(html.contains("<tr class=\"breakdown suppressed\" data-period=\"2026-10\" data-channel=\"ONLINE_BANK\""
                    + " data-suppressed=\"true\">\n<th scope=\"row\">2026-10</th>\n<td>Online bank</td>\n"
                    + "<td class=\"num suppressed-note\" colspan=\"6\">Suppressed: too few answers</td>\n</tr>"), html);
        });
        assertEquals(List.of(new NpsReportQuery(PeriodKind.MONTH, Period.parse(PeriodKind.MONTH, "2026-09"),
                Period.parse(PeriodKind.MONTH, "2026-11"), List.of(Dimension.CHANNEL))), fakes.reportQueries);
    }

    @Test
    void aPeriodWithNoAnswersIsShownAsSuchNotAsSuppressed() {
        String secret = fakes.sessionFor(Role.ANALYST);
        fakes.reportCells = query -> List.of(new ReportCell(query.from(), Map.of(), Optional.of(NpsCounts.NONE)));
        TestServer.with(fakes, client -> {
            String html = client.send(session(Call.get("/dashboard?lang=en&" + REPORT), secret)).text();
            assertTrue(html.contains("<tr class=\"total\" data-period=\"2026-09\" data-suppressed=\"false\">\n"
                    + "<th scope=\"row\">2026-09</th>\n<td>All</td>\n<td class=\"num\">0</td>\n"
                    + "<td class=\"num suppressed-note\" colspan=\"5\">No answers in this period</td>\n</tr>"), html);
        });
    }

    @Test
    void withoutParametersItShowsTheLastTwelveMonthsByChannelInFinnishTime() {
        String secret = fakes.sessionFor(Role.ANALYST);
        // 2026-11-30T22:30Z is already December in Helsinki
        HttpSettings december = new HttpSettings(HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ZERO, System::nanoTime,
                Clock.fixed(java.time.Instant.parse("2026-11-30T22:30:00Z"), ZoneOffset.UTC));
        TestServer.with(fakes, december, client -> {
            Answer page = client.send(session(Call.get("/dashboard"), secret));
            assertEquals(200, page.status());
            assertTrue(page.text().contains("data-source=\"/dashboard/data/nps?period=MONTH&amp;from=2026-01&amp;"
                    + "to=2026-12&amp;by=CHANNEL\""), page.text());
        });
        assertEquals(new NpsReportQuery(PeriodKind.MONTH, Period.parse(PeriodKind.MONTH, "2026-01"),
                Period.parse(PeriodKind.MONTH, "2026-12"), List.of(Dimension.CHANNEL)), fakes.reportQueries.get(0));
    }

    @Test
    void finnishAndSwedishPagesUseTheDecimalComma() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            String fi = client.send(session(Call.get("/dashboard?" + REPORT), secret)).text();
            assertTrue(fi.contains("<html lang=\"fi\">"));
            assertTrue(fi.contains("<td class=\"num\">±10,3</td>"), fi);
            assertTrue(fi.contains("<caption id=\"nps-table-caption\">NPS, kuukausi 2026-09–2026-11, kanava</caption>"),
                    fi);
            String sv = client.send(session(Call.get("/dashboard?lang=sv&" + REPORT), secret)).text();
            assertTrue(sv.contains("<td class=\"num\">45,0</td>"), sv);
            assertTrue(sv.contains("<a href=\"/dashboard?period=MONTH&amp;from=2026-09&amp;to=2026-11&amp;by=CHANNEL"
                    + "&amp;lang=en\" hreflang=\"en\" lang=\"en\">English</a>"), "language links keep the report: " + sv);
        });
    }

    @Test
    void badParametersShowTheFormAgainWithWhatToCorrectAndNoFigures() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            Answer page = client.sendPage(session(
                    Call.get("/dashboard?lang=en&period=MONTH&from=2026-11-15&to=2026-11&by=CHANNEL"), secret));
            assertEquals(400, page.status());
            assertDashboardHeaders(page);
            String html = page.text();
            assertTrue(html.contains("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\""), html);
            assertTrue(html.contains("<a href=\"#from\">First period: reports cover whole periods, and a month looks like"
                    + " 2026-11. Free date ranges are not offered.</a>"), html);
            assertTrue(html.contains("value=\"2026-11-15\""), "what was typed is shown again");
            assertTrue(html.contains("aria-describedby=\"period-hint from-error\" aria-invalid=\"true\""), html);
            assertFalse(html.contains("nps-chart") || html.contains("nps-table") || html.contains("<script"), html);
        });
        assertEquals(0, fakes.calls("showNpsReport"));
    }

    @Test
    void whatWasTypedIsEscapedOnThePage() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            String html = client.sendPage(session(Call.get("/dashboard?period=MONTH&from=%22%3E%3Cscript%3Ealert(1)"
                    + "%3C/script%3E&to=2026-11"), secret)).text();
            assertFalse(html.contains("<script>alert(1)"), html);
            assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), html);
        });
    }

    @Test
    void dimensionValuesAreEscapedInTheTable() {
        String secret = fakes.sessionFor(Role.ANALYST);
        fakes.reportCells = query -> List.of(new ReportCell(query.from(),
                Map.of(Dimension.CONTROLLER, "<script>alert(1)</script>"), Optional.of(new NpsCounts(10, 5, 5))));
        TestServer.with(fakes, client -> {
            String html = client.send(session(Call.get("/dashboard?period=YEAR&from=2026&to=2026&by=CONTROLLER"),
                    secret)).text();
            assertFalse(html.contains("<script>alert"), html);
            assertTrue(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
            assertTrue(html.contains("<option value=\"CONTROLLER\" selected>"), html);
        });
    }

    @Test
    void aBreakdownTheFormDoesNotListIsAddedToIt() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            String html = client.send(session(Call.get("/dashboard?lang=en&period=YEAR&from=2026&to=2026"
                    + "&by=LANGUAGE,SURVEY"), secret)).text();
            assertTrue(html.contains("<option value=\"LANGUAGE,SURVEY\" selected>Language and survey</option>"), html);
        });
    }

    @Test
    void aSessionOfAKeyThatIsNotAnAnalystsOpensNothing() {
        String secret = fakes.sessionFor(Role.ADMIN);
        TestServer.with(fakes, client -> {
            Answer page = client.send(session(Call.get("/dashboard"), secret));
            assertTrue(page.text().contains("id=\"sign-in-form\""));
            assertEquals("palaute_session=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Strict",
                    page.header("Set-Cookie").orElse(""), "a cookie that opens nothing is cleared");
            assertEquals(401, client.sendBad(session(Call.get("/dashboard/data/nps?" + REPORT), secret)).status());
            assertEquals(401, client.sendPage(session(Call.get("/dashboard/nps.csv?" + REPORT), secret)).status());
        });
        assertEquals(0, fakes.calls("showNpsReport"));
    }

    @Test
    void anOverlongCookieIsNotEvenLookedUp() {
        TestServer.with(fakes, client -> {
            Answer page = client.send(session(Call.get("/dashboard"), "x".repeat(500)));
            assertTrue(page.text().contains("id=\"sign-in-form\""));
        });
        assertEquals(0, fakes.calls("resumeDashboardSession"));
    }

    // --- the data and the CSV

    @Test
    void theDataRouteAnswersWhatTheApiAnswers() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            for (String query : List.of(REPORT, "period=ISO_WEEK&from=2026-W40&to=2026-W48&by=CHANNEL,LANGUAGE",
                    "period=YEAR&from=2024&to=2026")) {
                Answer data = client.send(session(Call.get("/dashboard/data/nps?" + query), secret));
                assertEquals(200, data.status());
                assertEquals("application/json", data.contentType().orElse(""));
                assertDashboardHeaders(data);
                Answer api = client.send(Call.get("/api/v1/reports/nps?" + query).key(ANALYST_KEY));
                assertEquals(api.text(), data.text(), query);
            }
        });
    }

    @Test
    void theCsvDownloadIsTheApisCsv() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            String query = "period=MONTH&from=2026-06&to=2026-11&by=CHANNEL,CONTROLLER";
            Answer csv = client.send(session(Call.get("/dashboard/nps.csv?" + query), secret));
            assertEquals(200, csv.status());
            assertDashboardHeaders(csv);
            assertEquals("text/csv;charset=utf-8", contentType(csv));
            assertEquals("attachment; filename=\"nps-MONTH-2026-06-2026-11.csv\"",
                    csv.header("Content-Disposition").orElse(""));
            Answer api = client.send(Call.get("/api/v1/reports/nps.csv?" + query).key(ANALYST_KEY));
            assertEquals(api.text(), csv.text());
            assertTrue(csv.text().contains("'=HYPERLINK"), "defused here too");
        });
    }

    @Test
    void withoutASessionTheDataAndTheCsvAre401AndCarryNoData() {
        TestServer.with(fakes, client -> {
            for (Call call : List.of(Call.get("/dashboard/data/nps?" + REPORT),
                    Call.get("/dashboard/data/nps?" + REPORT).key(ANALYST_KEY),
                    session(Call.get("/dashboard/data/nps?" + REPORT), "unknownSecretUnknownSecretUnknownSecret1234"))) {
                Answer answer = client.sendBad(call);
                assertEquals(401, answer.status());
                assertEquals("urn:palaute:problem:unauthorized", answer.json().get("type").asText());
                assertDashboardHeaders(answer);
                assertFalse(answer.text().contains("cells"));
            }
            for (Call call : List.of(Call.get("/dashboard/nps.csv?" + REPORT),
                    Call.get("/dashboard/nps.csv?" + REPORT).key(ANALYST_KEY))) {
                Answer answer = client.sendPage(call);
                assertEquals(401, answer.status());
                assertEquals("text/plain;charset=utf-8", contentType(answer));
                assertEquals("Sign in to the dashboard at /dashboard first.\n", answer.text());
                assertTrue(answer.header("Content-Disposition").isEmpty());
                assertDashboardHeaders(answer);
            }
        });
        assertEquals(0, fakes.calls("showNpsReport"), "a bearer key opens no dashboard route");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "a date         | period=MONTH&from=2026-11-15&to=2026-11                  | query.from",
            "reversed       | period=MONTH&from=2026-11&to=2026-10                     | query.to",
            "three dims     | period=MONTH&from=2026-10&to=2026-11&by=CHANNEL,SURVEY,LANGUAGE | query.by",
            "unknown dim    | period=MONTH&from=2026-10&to=2026-11&by=WEATHER          | query.by",
            "no period      | from=2026-10&to=2026-11                                  | query.period",
            "unknown param  | period=MONTH&from=2026-10&to=2026-11&lang=fi             | query.lang",
    })
    void badParametersOnTheDataAndCsvRoutesAre400(String what, String query, String parameter) {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            Answer data = client.sendBad(session(Call.get("/dashboard/data/nps?" + query), secret));
            assertEquals(400, data.status(), what);
            assertEquals(parameter, data.json().at("/invalidParams/0/name").asText());
            assertDashboardHeaders(data);
            Answer csv = client.sendPage(session(Call.get("/dashboard/nps.csv?" + query), secret));
            assertEquals(400, csv.status(), what);
            assertEquals("text/plain;charset=utf-8", contentType(csv));
            assertTrue(csv.text().startsWith("The request is not valid:\n" + parameter + ": "), csv.text());
            assertDashboardHeaders(csv);
        });
        assertEquals(0, fakes.calls("showNpsReport"));
    }

    @Test
    void aSessionSpendsItsKeysBudget() {
        AtomicLong nanos = new AtomicLong();
        HttpSettings settings = new HttpSettings(HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ZERO, nanos::get,
                TestServer.SETTINGS.clock());
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, settings, client -> {
            for (int i = 0; i < 100; i++) { // half the default burst by bearer, half by session
                assertEquals(200, client.send(Call.get("/api/v1/reports/nps?" + REPORT).key(ANALYST_KEY)).status());
                assertEquals(200, client.send(session(Call.get("/dashboard/data/nps?" + REPORT), secret)).status());
            }
            Answer data = client.sendBad(session(Call.get("/dashboard/data/nps?" + REPORT), secret));
            assertEquals(429, data.status());
            assertEquals("1", data.header("Retry-After").orElse(""));
            Answer csv = client.sendPage(session(Call.get("/dashboard/nps.csv?" + REPORT), secret));
            assertEquals(429, csv.status());
            Answer page = client.sendPage(session(Call.get("/dashboard"), secret));
            assertEquals(429, page.status());
            assertTrue(page.header("Retry-After").isPresent());
            assertDashboardHeaders(page);
        });
    }

    // --- what every answer carries

    @Test
    void everyDashboardAnswerCarriesTheHeaders() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            for (Answer answer : everyKindOfDashboardAnswer(client, secret)) {
                assertDashboardHeaders(answer);
            }
        });
    }

    @Test
    void noPageHasInlineScriptOrStyle() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            int pages = 0;
            for (Answer answer : everyKindOfDashboardAnswer(client, secret)) {
                if (answer.header("Content-Type").orElse("").startsWith("text/html")) {
                    assertNoInlineScriptOrStyle(answer.text());
                    assertAccessible(answer.text());
                    pages++;
                }
            }
            assertTrue(pages >= 8, "pages checked: " + pages);
        });
    }

    @Test
    void theAssetsAreServedFromThisHost() throws IOException {
        byte[] inJar;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources" + CHART_JS)) {
            inJar = in.readAllBytes();
        }
        TestServer.with(fakes, client -> {
            Answer chart = client.send(Call.get(CHART_JS));
            assertEquals("text/javascript;charset=utf-8", contentType(chart));
            assertTrue(chart.text().startsWith("/*!\n * Chart.js v4.5.1"), chart.text().substring(0, 40));
            assertEquals(new String(inJar, java.nio.charset.StandardCharsets.UTF_8), chart.text(), "the webjar's file");
            Answer script = client.send(Call.get("/dashboard/assets/dashboard.js"));
            assertEquals("text/javascript;charset=utf-8", contentType(script));
            assertTrue(script.text().contains("document.getElementById('nps-chart')"));
            assertTrue(script.text().contains("spanGaps: false"));
            Answer css = client.send(Call.get("/dashboard/assets/dashboard.css"));
            assertEquals("text/css;charset=utf-8", contentType(css));
            assertEquals(404, client.sendPage(Call.get("/webjars/chart.js/4.5.1/package.json")).status(),
                    "only the one file the page needs");
        });
    }

    @Test
    void theApiIsNotOpenedByASessionCookie() {
        String secret = fakes.sessionFor(Role.ANALYST);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(session(Call.get("/api/v1/reports/nps?" + REPORT), secret));
            assertEquals(401, answer.status());
        });
        assertEquals(0, fakes.calls("showNpsReport"));
    }

    /** One answer of each kind the dashboard gives, errors included. */
    private List<Answer> everyKindOfDashboardAnswer(ContractClient client, String secret) {
        List<Answer> answers = new ArrayList<>();
        answers.add(client.send(Call.get("/dashboard")));
        answers.add(client.send(Call.get("/dashboard?lang=sv")));
        answers.add(client.send(session(Call.get("/dashboard"), secret)));
        answers.add(client.send(session(Call.get("/dashboard?lang=en&period=QUARTER&from=2026-Q1&to=2026-Q4"
                + "&by=CHANNEL,LANGUAGE"), secret)));
        answers.add(client.sendPage(session(Call.get("/dashboard?period=MONTH&from=2026&to=2026-11"), secret)));
        answers.add(client.send(Call.post("/dashboard/session").form("apiKey=" + ANALYST_KEY)));
        answers.add(client.sendPage(Call.post("/dashboard/session").form("apiKey=key-admin")));
        answers.add(client.sendPage(Call.post("/dashboard/session").form("apiKey=")));
        answers.add(client.sendPage(Call.post("/dashboard/session").header("Origin", "https://evil.example")
                .form("apiKey=" + ANALYST_KEY)));
        answers.add(client.send(session(Call.get("/dashboard/data/nps?" + REPORT), secret)));
        answers.add(client.sendBad(Call.get("/dashboard/data/nps?" + REPORT)));
        answers.add(client.sendBad(session(Call.get("/dashboard/data/nps?period=DAY"), secret)));
        answers.add(client.send(session(Call.get("/dashboard/nps.csv?" + REPORT), secret)));
        answers.add(client.sendPage(Call.get("/dashboard/nps.csv?" + REPORT)));
        answers.add(client.send(Call.get("/dashboard/assets/dashboard.js")));
        answers.add(client.send(Call.get("/dashboard/assets/dashboard.css")));
        answers.add(client.send(Call.get(CHART_JS)));
        answers.add(client.sendPage(Call.get("/dashboard/no-such-page")));
        answers.add(client.sendPage(Call.method("PUT", "/dashboard")));
        answers.add(client.send(Call.post("/dashboard/session/close")));
        return answers;
    }

    static void assertDashboardHeaders(Answer answer) {
        String what = answer.status() + " " + answer.header("Content-Type").orElse("") + ": ";
        assertEquals(CSP, answer.header("Content-Security-Policy").orElse(""), what);
        assertEquals("no-referrer", answer.header("Referrer-Policy").orElse(""), what);
        assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(""), what);
        assertEquals("no-store", answer.header("Cache-Control").orElse(""), what);
    }

    /** What the CSP would block: inline script, inline style, event-handler attributes, javascript: links. */
    static void assertNoInlineScriptOrStyle(String html) {
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).matches(" src=\"/[^\"]+\" defer"), "a script from this host: " + scripts.group());
            assertEquals("", scripts.group(2), "no inline script");
        }
        assertEquals(count(html, "<script"), count(html, "</script>"));
        assertFalse(Pattern.compile("<style", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no style element");
        assertFalse(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no on* handler");
        assertFalse(html.toLowerCase().contains("javascript:"), "no javascript: URL");
        assertFalse(Pattern.compile("(src|href|action)=\"(https?:)?//").matcher(html).find(), "nothing from another host");
    }

    /** Every field has a label, the page one h1 and a language, every table a caption and scoped headers. */
    static void assertAccessible(String html) {
        assertTrue(html.matches("(?s)<!DOCTYPE html>\n<html lang=\"(fi|sv|en)\">.*"), "a language");
        assertEquals(1, count(html, "<h1"), "one h1");
        Matcher fields = Pattern.compile("<(input|select)[^>]*\\sid=\"([^\"]+)\"").matcher(html);
        while (fields.find()) {
            assertTrue(html.contains("<label for=\"" + fields.group(2) + "\">"), "a label for " + fields.group(2));
        }
        Matcher unnamed = Pattern.compile("<(input|select)(?![^>]*type=\"hidden\")(?![^>]*\\sid=)[^>]*>").matcher(html);
        assertFalse(unnamed.find(), "a visible field without an id cannot be labelled");
        assertEquals(count(html, "<table"), count(html, "<caption"), "a caption per table");
        assertEquals(count(html, "<th>") + count(html, "<th "), count(html, "<th scope=\""), "every header cell scoped");
    }

    /** The Content-Type as sent, spaces dropped: Jetty writes {@code text/html;charset=utf-8}. */
    static String contentType(Answer answer) {
        return answer.header("Content-Type").orElse("").replace(" ", "");
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** The key is in no header and no body. */
    static void assertKeyNowhere(Answer answer, String key) {
        answer.headers().forEach((name, values) -> values.forEach(value ->
                assertFalse(value.contains(key), "the key is in " + name)));
        assertFalse(answer.text().contains(key), "the key is in the body");
    }
}
