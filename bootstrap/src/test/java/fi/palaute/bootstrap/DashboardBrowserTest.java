package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst's view of the dashboard (R-REPORT, R-KANON): Debian's headless Chromium, through Debian's chromedriver,
 * signs in with the demo ANALYST key on the real service (SQLite, demo mode's year of generated answers), reads the
 * chart and the table, downloads the CSV, changes the language and signs out. One browser for the whole class; the
 * tests run in order (sign in first, sign out last), and each signs in again if it finds itself signed out.
 * <p>
 * Screenshots go to {@code target/screenshots/dashboard-*.png}. Without {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} the test is skipped, unless {@code PALAUTE_REQUIRE_BROWSER=1}, when it fails.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path TARGET = Path.of("target");
    private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static final String COOKIE = "palaute_session";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    /** What the dashboard says in each language, written out as the analyst reads it. */
    enum Lang {
        FI("fi", "NPS kanavittain", "Kirjaudu NPS-näkymään", "Kirjaudu ulos", "Vastauksia", "Kuukausi"),
        SV("sv", "NPS per kanal", "Logga in i NPS-översikten", "Logga ut", "Svar", "Månad"),
        EN("en", "NPS by channel", "Sign in to the NPS dashboard", "Sign out", "Answers", "Month");

        final String code;
        final String heading;
        final String signInHeading;
        final String signOut;
        final String answersColumn;
        final String month;

        Lang(String code, String heading, String signInHeading, String signOut, String answersColumn, String month) {
            this.code = code;
            this.heading = heading;
            this.signInHeading = signInHeading;
            this.signOut = signOut;
            this.answersColumn = answersColumn;
            this.month = month;
        }
    }

    @TempDir
    static Path dir;

    private final long started = System.nanoTime();
    private final AtomicInteger shots = new AtomicInteger();
    private final List<Path> screenshots = new ArrayList<>();
    private ReportApiTest.Service service;
    private String origin;
    private String analystKey;
    private Path profile;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws IOException {
        requireBrowser();
        long t0 = System.nanoTime();
        service = ReportApiTest.Service.start(dir.resolve("palaute.db"), Map.of());
        System.out.printf("DashboardBrowserTest: service with demo answers started in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        origin = "http://localhost:" + service.app().port();
        analystKey = service.key("ANALYST");
        Files.createDirectories(SCREENSHOTS);
        browser = startBrowser();
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                try {
                    browser.quit();
                } catch (RuntimeException e) {
                    System.out.println("quitting the browser: " + e);
                }
            }
        } finally {
            if (service != null) {
                service.close();
            }
            if (profile != null) {
                deleteQuietly(profile);
            }
        }
        if (!screenshots.isEmpty()) {
            System.out.println("DashboardBrowserTest screenshots:");
            screenshots.forEach(p -> System.out.println("  " + p.toAbsolutePath()));
        }
        System.out.printf("DashboardBrowserTest took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    // --- the tests, in order

    @Test
    @Order(1)
    void theAnalystSignsInThroughTheFormAndTheKeyGoesOnlyIntoTheForm() {
        browser.manage().deleteAllCookies();
        browser.get(origin + "/dashboard?lang=en");
        assertEquals(Lang.EN.signInHeading, browser.findElement(By.id("sign-in-title")).getText());
        WebElement field = browser.findElement(By.id("api-key"));
        assertEquals("password", field.getDomAttribute("type"), "the key is typed into a password field");
        screenshot("sign-in", true);

        signIn("en");

        String url = browser.getCurrentUrl();
        assertEquals(origin + "/dashboard?lang=en", url, "after signing in, the dashboard");
        assertFalse(url.contains(analystKey) || url.contains("apiKey"), "the key is never in the address: " + url);
        assertFalse(browser.getPageSource().contains(analystKey), "nor in the page");
        @SuppressWarnings("unchecked")
        List<String> visited = (List<String>) browser.executeScript(
                "return performance.getEntries().map(e => e.name);");
        visited.forEach(name -> assertFalse(name.contains(analystKey), "nor in any address loaded: " + name));
        assertEquals(Lang.EN.heading, browser.findElement(By.id("dashboard-title")).getText());

        Cookie session = browser.manage().getCookieNamed(COOKIE);
        assertNotNull(session, "a session cookie: " + browser.manage().getCookies());
        assertTrue(session.isHttpOnly(), "HttpOnly: " + session);
        assertEquals("Strict", session.getSameSite(), "SameSite=Strict: " + session);
        assertEquals("/dashboard", session.getPath(), "limited to the dashboard: " + session);
        assertFalse(session.isSecure(), "not Secure over plain http on localhost: " + session);
        assertNotNull(session.getExpiry(), "a cookie that ends with the session, not with the browser");
        assertFalse(session.getValue().contains(analystKey) || analystKey.contains(session.getValue()),
                "the cookie holds a session secret, not the key");
        assertEquals("", browser.executeScript("return document.cookie;"), "no script can read the cookie");
        assertNoConsoleProblems("signing in");
    }

    @Test
    @Order(2)
    void theChartDrawsTheLastTwelveMonthsPerChannel() {
        open("/dashboard?lang=en");
        waitForChart();
        ChartData chart = chartData();
        assertEquals(12, chart.labels().size(), "twelve months: " + chart.labels());
        List<Map<String, Object>> npsLines = chart.datasets("nps");
        assertEquals(5, npsLines.size(), "one line per channel: " + chart.seriesNames());
        assertEquals(15, chart.datasets().size(), "and each line its band below and above");
        for (Map<String, Object> line : npsLines) {
            long points = data(line).stream().filter(v -> v != null).count();
            assertTrue(points >= 11, line.get("label") + " has a point in almost every month: " + data(line));
        }
        long painted = number(browser.executeScript(
                "const c = document.getElementById('nps-chart');"
                        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } }"
                        + " return n;"));
        long size = number(browser.executeScript(
                "const c = document.getElementById('nps-chart'); return c.width * c.height;"));
        assertTrue(painted > size / 20, "the canvas is drawn on: " + painted + " of " + size + " pixels");
        assertTrue(browser.findElements(By.cssSelector("#nps-table tbody tr")).size() >= 12 * 6,
                "the table has every month's total and channels");
        assertEquals("", browser.findElement(By.id("chart-status")).getText(), "no message instead of a chart");
        screenshot("dashboard-desktop", true);
        screenshotOf(browser.findElement(By.id("chart-section")), "dashboard-desktop-chart");
        assertNoConsoleProblems("the chart");
    }

    @Test
    @Order(3)
    void aBreakdownWithSuppressedCellsShowsThemAsGapsAndTheChartShowsTheTablesFigures() {
        String weeks = ReportApiTest.weeklyByChannelAndLanguage();
        String byLanguage = weeks.replace("by=CHANNEL,LANGUAGE", "by=LANGUAGE");
        int gapsByLanguage = assertGapsWhereSuppressed(byLanguage);
        screenshot("breakdown-gaps-weeks-by-language", true);
        screenshotOf(browser.findElement(By.id("chart-section")), "breakdown-gaps-weeks-by-language-chart");
        int gapsByPair = assertGapsWhereSuppressed(weeks);
        screenshotOf(browser.findElement(By.id("chart-section")), "breakdown-gaps-weeks-by-channel-and-language-chart");
        System.out.printf("gaps for suppressed cells: %d by language, %d by channel and language%n",
                gapsByLanguage, gapsByPair);
        assertTrue(gapsByPair > 0, "the weekly English answers per channel are few: some gaps");
        assertNoConsoleProblems("a breakdown with gaps");
    }

    @Test
    @Order(4)
    void theCsvLinkDownloadsWhatTheApiGivesForTheSameQuery() {
        for (String query : List.of("", "?" + ReportApiTest.weeklyByChannelAndLanguage())) {
            open("/dashboard" + query + (query.isEmpty() ? "?" : "&") + "lang=en");
            WebElement link = browser.findElement(By.id("csv-link"));
            assertNotNull(link.getDomAttribute("download"), "a download link");
            String href = link.getDomAttribute("href");
            assertTrue(href.startsWith("/dashboard/nps.csv?"), href);
            @SuppressWarnings("unchecked")
            Map<String, Object> fetched = (Map<String, Object>) browser.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + " fetch(arguments[0], {credentials: 'same-origin', cache: 'no-store'})"
                            + " .then(r => r.text().then(t => done({status: r.status,"
                            + " type: r.headers.get('content-type'), text: t})))"
                            + " .catch(e => done({status: -1, type: '', text: String(e)}));",
                    link.getDomProperty("href"));
            assertEquals(200L, number(fetched.get("status")), String.valueOf(fetched.get("text")));
            assertEquals("text/csv; charset=utf-8", fetched.get("type"));
            String fromPage = (String) fetched.get("text");

            String reportQuery = href.substring(href.indexOf('?') + 1);
            Answer api = service.client().send(Call.get("/api/v1/reports/nps.csv?" + reportQuery).key(analystKey));
            assertEquals(200, api.status(), api.text());
            assertTrue(fromPage.startsWith("period,"), fromPage);
            assertTrue(fromPage.split("\r\n").length > 12, "a report with rows: " + fromPage.length() + " chars");
            assertEquals(api.text(), fromPage, "the dashboard's CSV is the API's CSV for " + reportQuery);
        }
        assertNoConsoleProblems("the CSV link");
    }

    @Test
    @Order(5)
    void thePageSpeaksFinnishSwedishAndEnglish() {
        String weeks = "?" + ReportApiTest.weeklyByChannelAndLanguage().replace("by=CHANNEL,LANGUAGE", "by=CHANNEL");
        open("/dashboard" + weeks + "&lang=fi");
        for (Lang lang : List.of(Lang.FI, Lang.SV, Lang.EN, Lang.FI)) {
            if (!browser.getCurrentUrl().contains("lang=" + lang.code)) {
                // the language links keep the report and change only the language
                navigate(() -> browser.findElement(By.cssSelector("nav.languages a[hreflang='" + lang.code + "']"))
                        .click());
            }
            String url = browser.getCurrentUrl();
            assertTrue(url.contains("period=ISO_WEEK") && url.contains("by=CHANNEL"), "the report is kept: " + url);
            assertEquals(lang.code, browser.findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals(lang.heading, browser.findElement(By.id("dashboard-title")).getText());
            assertEquals(lang.heading + " – OP Palaute", browser.getTitle());
            assertEquals(lang.signOut, browser.findElement(By.id("sign-out-button")).getText());
            assertEquals(lang.answersColumn,
                    browser.findElement(By.cssSelector("#nps-table thead th.num")).getText());
            assertEquals(lang.month, new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("period")))
                    .getOptions().get(1).getText());
            waitForChart();
            screenshot("language-" + lang.code, false);
        }
        assertNoConsoleProblems("three languages");
    }

    @Test
    @Order(6)
    void onAPhoneThePageFitsTheScreenAndTheChartDraws() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        try {
            open("/dashboard?lang=fi");
            waitForChart();
            long innerWidth = number(browser.executeScript("return window.innerWidth;"));
            long scrollWidth = number(browser.executeScript("return document.documentElement.scrollWidth;"));
            assertEquals(375, innerWidth, "the phone's viewport");
            assertTrue(scrollWidth <= innerWidth,
                    "the page does not scroll sideways: scrollWidth " + scrollWidth + " > " + innerWidth);
            long canvasWidth = number(browser.executeScript(
                    "return Math.round(document.getElementById('nps-chart').getBoundingClientRect().width);"));
            assertTrue(canvasWidth > 250 && canvasWidth <= innerWidth, "the chart fills the width: " + canvasWidth);
            screenshot("dashboard-phone-top", false);
            browser.executeScript("document.getElementById('chart-section').scrollIntoView();");
            screenshot("dashboard-phone-chart", false);
            browser.executeScript("document.getElementById('figures-section').scrollIntoView();");
            screenshot("dashboard-phone-table", false);
            assertNoConsoleProblems("on a phone");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(7)
    void signingOutEndsTheSessionAndTheOldCookieOpensNothing() {
        open("/dashboard?lang=fi");
        Cookie before = browser.manage().getCookieNamed(COOKIE);
        assertNotNull(before, "signed in");
        String query = ReportApiTest.monthlyByChannelThisYear();
        Answer withCookie = service.client().send(Call.get("/dashboard/data/nps?" + query)
                .header("Cookie", COOKIE + "=" + before.getValue()));
        assertEquals(200, withCookie.status(), "the cookie opens the data while signed in: " + withCookie.text());

        navigate(() -> browser.findElement(By.id("sign-out-button")).click());
        assertTrue(browser.findElement(By.id("sign-in-form")).isDisplayed(), "the sign-in form again");
        assertEquals(Lang.FI.signInHeading, browser.findElement(By.id("sign-in-title")).getText());
        assertTrue(browser.findElements(By.id("nps-chart")).isEmpty(), "and no chart");
        assertNull(browser.manage().getCookieNamed(COOKIE), "the browser forgot the cookie");
        screenshot("signed-out", false);

        Answer data = service.client().sendBad(Call.get("/dashboard/data/nps?" + query)
                .header("Cookie", COOKIE + "=" + before.getValue()));
        assertEquals(401, data.status(), "the old cookie opens no data: " + data.text());
        assertFalse(data.text().contains("cells"), data.text());
        Answer csv = service.client().sendPage(Call.get("/dashboard/nps.csv?" + query)
                .header("Cookie", COOKIE + "=" + before.getValue()));
        assertEquals(401, csv.status(), "nor the CSV: " + csv.text());
        Answer page = service.client().sendPage(Call.get("/dashboard?lang=fi")
                .header("Cookie", COOKIE + "=" + before.getValue()));
        assertEquals(200, page.status());
        assertTrue(page.text().contains("id=\"sign-in-form\"") && !page.text().contains("nps-chart"),
                "the page with the old cookie is the sign-in page");

        browser.navigate().back();
        assertTrue(browser.findElements(By.id("nps-chart")).isEmpty()
                        || !browser.findElements(By.id("sign-in-form")).isEmpty(),
                "going back shows no figures: " + browser.getCurrentUrl());
        assertNoConsoleProblems("signing out");
    }

    // --- the gaps

    /**
     * Opens the report and checks every line of the chart against the table: a point where the table has a
     * published cell, with its NPS, and a gap (null in the line and in its band) where the table's row is
     * suppressed or absent. Returns the number of gaps that stand for suppressed rows.
     */
    private int assertGapsWhereSuppressed(String reportQuery) {
        open("/dashboard?" + reportQuery + "&lang=en");
        waitForChart();
        String byText = browser.findElement(By.id("nps-chart")).getDomAttribute("data-by");
        List<String> dims = new ArrayList<>();
        for (String d : byText.split(",")) {
            dims.add(d.toLowerCase(Locale.ROOT));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#nps-table tbody tr')).map(tr => ({"
                        + " period: tr.dataset.period, channel: tr.dataset.channel || null,"
                        + " language: tr.dataset.language || null, suppressed: tr.dataset.suppressed,"
                        + " nums: Array.from(tr.querySelectorAll('td.num')).map(td => td.textContent)}));");
        // series key (the values in the breakdown's order, joined as the script does) -> period -> row
        Map<String, Map<String, Map<String, Object>>> table = new LinkedHashMap<>();
        List<String> periods = new ArrayList<>();
        int suppressedRows = 0;
        for (Map<String, Object> row : rows) {
            String period = (String) row.get("period");
            if (!periods.contains(period)) {
                periods.add(period);
            }
            if ("true".equals(row.get("suppressed"))) {
                suppressedRows++;
            }
            List<String> values = new ArrayList<>();
            for (String dim : dims) {
                values.add((String) row.get(dim));
            }
            if (values.contains(null)) {
                continue; // a total, or a one-dimension cell inside a two-dimension breakdown: not drawn
            }
            table.computeIfAbsent(String.join("\u0001", values), key -> new LinkedHashMap<>()).put(period, row);
        }
        assertTrue(suppressedRows > 0, "the breakdown has suppressed rows: " + reportQuery);

        ChartData chart = chartData();
        assertEquals(periods, chart.labels(), "the chart's periods are the table's");
        assertEquals(table.keySet(), new LinkedHashSet<>(chart.seriesKeys()), "one line per combination in the table");
        for (Map<String, Object> dataset : chart.datasets()) {
            assertEquals(Boolean.FALSE, dataset.get("spanGaps"), "a gap is not bridged: " + dataset.get("label"));
        }
        int gaps = 0;
        for (Map<String, Object> line : chart.datasets("nps")) {
            String key = (String) line.get("series");
            List<Object> nps = data(line);
            List<Object> lower = data(chart.dataset("lower", key));
            List<Object> upper = data(chart.dataset("upper", key));
            for (int i = 0; i < periods.size(); i++) {
                Map<String, Object> row = table.get(key).get(periods.get(i));
                String where = line.get("label") + " " + periods.get(i) + ": row " + row + ", point " + nps.get(i);
                @SuppressWarnings("unchecked")
                boolean noAnswers = row != null && "0".equals(((List<String>) row.get("nums")).get(0));
                boolean published = row != null && "false".equals(row.get("suppressed")) && !noAnswers;
                if (!published) { // suppressed, no answers (a month to come), or no row at all
                    assertNull(nps.get(i), "a gap where the table has no figure: " + where);
                    assertNull(lower.get(i), "and no band: " + where);
                    assertNull(upper.get(i), "and no band: " + where);
                    if (row != null) {
                        gaps++;
                    }
                    continue;
                }
                assertNotNull(nps.get(i), "a point where the table has a figure: " + where);
                @SuppressWarnings("unchecked")
                List<String> nums = (List<String>) row.get("nums");
                double tableNps = Double.parseDouble(nums.get(4));
                double margin = Double.parseDouble(nums.get(5).replace("±", ""));
                double point = ((Number) nps.get(i)).doubleValue();
                assertEquals(tableNps, point, 1e-9, "the point is the table's NPS: " + where);
                assertEquals(Math.max(-100, tableNps - margin), ((Number) lower.get(i)).doubleValue(), 0.051,
                        "the band's lower edge: " + where);
                assertEquals(Math.min(100, tableNps + margin), ((Number) upper.get(i)).doubleValue(), 0.051,
                        "the band's upper edge: " + where);
            }
        }
        return gaps;
    }

    /** What Chart.getChart(canvas) holds: its labels and, per dataset, its role, series, label and data. */
    private record ChartData(List<String> labels, List<Map<String, Object>> datasets) {

        List<Map<String, Object>> datasets(String role) {
            return datasets.stream().filter(ds -> role.equals(ds.get("role"))).toList();
        }

        Map<String, Object> dataset(String role, String series) {
            return datasets.stream().filter(ds -> role.equals(ds.get("role")) && series.equals(ds.get("series")))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + role + " dataset for " + series));
        }

        List<String> seriesKeys() {
            return datasets("nps").stream().map(ds -> (String) ds.get("series")).toList();
        }

        List<Object> seriesNames() {
            return datasets("nps").stream().map(ds -> ds.get("label")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private ChartData chartData() {
        Map<String, Object> chart = (Map<String, Object>) browser.executeScript(
                "const chart = Chart.getChart(document.getElementById('nps-chart'));"
                        + " if (!chart) { return null; }"
                        + " return {labels: chart.data.labels, datasets: chart.data.datasets.map(ds => ({"
                        + " role: ds.palauteRole, series: ds.palauteSeries, label: ds.label, data: ds.data,"
                        + " spanGaps: ds.spanGaps === undefined ? chart.options.spanGaps : ds.spanGaps}))};");
        assertNotNull(chart, "Chart.getChart(canvas) gives the chart");
        return new ChartData((List<String>) chart.get("labels"), (List<Map<String, Object>>) chart.get("datasets"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> data(Map<String, Object> dataset) {
        return (List<Object>) dataset.get("data");
    }

    // --- signing in, pages, the chart

    /** Types the key into the sign-in form of the page at hand and sends it. */
    private void signIn(String lang) {
        WebElement field = browser.findElement(By.id("api-key"));
        field.clear();
        field.sendKeys(analystKey);
        navigate(() -> browser.findElement(By.id("sign-in-button")).click());
        assertFalse(browser.getCurrentUrl().contains(analystKey), browser.getCurrentUrl());
        assertFalse(browser.findElements(By.id("dashboard-title")).isEmpty(),
                "signed in, in " + lang + ": " + browser.getCurrentUrl());
    }

    /** Opens a dashboard page, signing in through the form first if the session is not there (a test run alone). */
    private void open(String path) {
        browser.get(origin + path);
        if (!browser.findElements(By.id("sign-in-form")).isEmpty()) {
            signIn("the language of " + path);
            browser.get(origin + path);
        }
        assertFalse(browser.findElements(By.id("dashboard-title")).isEmpty(), "the dashboard: " + path);
        assertFalse(browser.getCurrentUrl().contains(analystKey));
    }

    private void waitForChart() {
        WebElement canvas = browser.findElement(By.id("nps-chart"));
        new WebDriverWait(browser, WAIT).until(d -> !"false".equals(canvas.getDomAttribute("data-ready")));
        assertEquals("true", canvas.getDomAttribute("data-ready"),
                "the chart is drawn: " + browser.findElement(By.id("chart-status")).getText());
    }

    private void navigate(Runnable action) {
        WebElement old = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, WAIT).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or ChromeDriver's "node does not belong to the document" while the new page replaces it
                return true;
            }
        });
    }

    // --- the browser

    private static void requireBrowser() {
        if (Files.isExecutable(SurveyPageBrowserTest.CHROMIUM) && Files.isExecutable(SurveyPageBrowserTest.CHROMEDRIVER)) {
            return;
        }
        String message = "the browser tests need " + SurveyPageBrowserTest.CHROMIUM + " and "
                + SurveyPageBrowserTest.CHROMEDRIVER + "; install them with: " + SurveyPageBrowserTest.INSTALL;
        if ("1".equals(System.getenv("PALAUTE_REQUIRE_BROWSER"))) {
            fail("PALAUTE_REQUIRE_BROWSER=1 but " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    private ChromeDriver startBrowser() throws IOException {
        profile = Files.createTempDirectory(Files.createDirectories(TARGET), "chromium-profile-dashboard-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(SurveyPageBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--no-default-browser-check", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(SurveyPageBrowserTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(TARGET.resolve("chromedriver-dashboard.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(driverService, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT).implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** The page (whole, or what the window shows) as a PNG under target/screenshots/. */
    @SuppressWarnings("unchecked")
    private void screenshot(String name, boolean wholePage) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("format", "png");
        if (wholePage) {
            Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            params.put("captureBeyondViewport", true);
            params.put("clip", Map.of("x", 0, "y", 0, "width", ((Number) content.get("width")).doubleValue(),
                    "height", ((Number) content.get("height")).doubleValue(), "scale", 1));
        }
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", params);
        String data = (String) shot.get("data");
        assertNotNull(data, "a screenshot of " + name);
        Path file = SCREENSHOTS.resolve("dashboard-%02d-%s.png".formatted(shots.incrementAndGet(), name));
        try {
            Files.write(file, Base64.getDecoder().decode(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        screenshots.add(file);
    }

    /** One element, as the window shows it, as a PNG under target/screenshots/. */
    private void screenshotOf(WebElement element, String name) {
        browser.executeScript("arguments[0].scrollIntoView();", element);
        Path file = SCREENSHOTS.resolve("dashboard-%02d-%s.png".formatted(shots.incrementAndGet(), name));
        try {
            Files.write(file, element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        screenshots.add(file);
    }

    /** Warnings and errors in the console fail the test (the browser's own /favicon.ico included). */
    private void assertNoConsoleProblems(String where) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.WARNING.intValue()) {
                continue;
            }
            String message = entry.getMessage();
            problems.add(where + ": " + entry.getLevel() + " " + message);
        }
        assertTrue(problems.isEmpty(), "the browser console: " + problems);
    }

    private static long number(Object value) {
        assertNotNull(value);
        return ((Number) value).longValue();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("could not delete " + root + ": " + e);
        }
    }
}
