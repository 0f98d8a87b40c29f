package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer's view (R-NPS, R-NOLOGIN): Debian's headless Chromium, driven through Debian's chromedriver, answers
 * the real survey page of the real service on SQLite, in every language, without JavaScript, on a phone-sized screen
 * and with the keyboard alone. The links are made the way customers get them: a BRANCH event, the partner's claim.
 * <p>
 * Every page visited is saved as a PNG under {@code target/screenshots/} for a person to look at. Without
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test is skipped, unless
 * {@code PALAUTE_REQUIRE_BROWSER=1} (as in CI), when it fails. Selenium Manager is never asked for anything: the
 * driver and the browser are given by path, and the network is closed.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyPageBrowserTest {

    /** Debian's; another with -Dpalaute.chromium=… and -Dpalaute.chromedriver=…, which must match each other. */
    static final Path CHROMIUM = Path.of(System.getProperty("palaute.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("palaute.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y"
            + " --no-install-recommends chromium chromium-driver";
    private static final Path TARGET = Path.of("target");
    private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static final String PARTNER = "browser-partner";
    private static final String SURVEY = """
            {"name":"Branch SMS in three languages","kind":"TRANSACTIONAL","listensTo":{"BRANCH":1},
             "deliveryChannel":"SMS","deliveredBy":"PARTNER","partnerId":"%s","anonymous":false,
             "languages":["fi","sv","en"]""".formatted(PARTNER);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * Selenium warns that it has no typed DevTools API for this Chromium; the test uses none (its CDP commands go
     * through chromedriver), so the warning is noise. Held here so the setting is not collected with the logger.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    /** What the customer reads, in each language: written out here, as a customer would see it. */
    enum Lang {
        FI("fi", "Suomi", "OP:n asiakaskysely",
                "Kuinka todennäköisesti suosittelisit OP:ta ystävällesi tai kollegallesi?",
                "OP ei koskaan pyydä verkkopankkitunnuksiasi, korttitietojasi tai henkilötunnustasi kyselyssä"
                        + " tai linkin kautta.",
                "Minuun saa ottaa yhteyttä vastaukseni johdosta", "Lähetä vastaus", "Kiitos vastauksestasi!",
                "Tähän kyselyyn ei voi enää vastata", "Virhe: ", "Tarkista vastauksesi", "Valitse luku 0–10."),
        SV("sv", "Svenska", "OP:s kundenkät",
                "Hur sannolikt är det att du skulle rekommendera OP till en vän eller kollega?",
                "OP ber aldrig om dina nätbankskoder, dina kortuppgifter eller din personbeteckning i en enkät"
                        + " eller via en länk.",
                "Ni får kontakta mig om mitt svar", "Skicka svar", "Tack för ditt svar!",
                "Den här enkäten kan inte längre besvaras", "Fel: ", "Kontrollera ditt svar",
                "Välj ett tal från 0 till 10."),
        EN("en", "English", "OP customer survey",
                "How likely is it that you would recommend OP to a friend or colleague?",
                "OP never asks for your online banking codes, your card details or your personal identity number"
                        + " in a survey or through a link.",
                "You may contact me about my answer", "Send answer", "Thank you for your answer!",
                "This survey can no longer be answered", "Error: ", "Please check your answer",
                "Choose a number from 0 to 10.");

        final String code;
        final String name;
        final String title;
        final String question;
        final String neverAsks;
        final String contact;
        final String submit;
        final String thanks;
        final String notAnswerable;
        final String errorPrefix;
        final String errorSummary;
        final String scoreMissing;

        Lang(String code, String name, String title, String question, String neverAsks, String contact,
                String submit, String thanks, String notAnswerable, String errorPrefix, String errorSummary,
                String scoreMissing) {
            this.code = code;
            this.name = name;
            this.title = title;
            this.question = question;
            this.neverAsks = neverAsks;
            this.contact = contact;
            this.submit = submit;
            this.thanks = thanks;
            this.notAnswerable = notAnswerable;
            this.errorPrefix = errorPrefix;
            this.errorSummary = errorSummary;
            this.scoreMissing = scoreMissing;
        }
    }

    @TempDir
    static Path dir;

    private final long started = System.nanoTime();
    private final AtomicInteger customers = new AtomicInteger();
    private final AtomicInteger shots = new AtomicInteger();
    private final List<Path> screenshots = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();
    private final List<String> consoleProblems = new ArrayList<>();
    private TestCluster cluster;
    private ContractClient client;
    private String partnerKey;
    private String origin;
    private ChromeDriver browser;
    private ChromeDriver noScriptBrowser;

    @BeforeAll
    void start() throws IOException {
        requireBrowser();
        cluster = TestCluster.sqlite(dir);
        client = ContractClient.onPort(cluster.nodes().get(0).port());
        origin = "http://localhost:" + cluster.nodes().get(0).port();
        ActiveSurveys.raiseBudget(client, cluster.key("ADMIN"), "EVENT_SOURCE");
        partnerKey = partnerSmsSurveyInThreeLanguages(cluster.key("ADMIN"));
        Files.createDirectories(SCREENSHOTS);
        browser = startBrowser("js", true, "fi-FI,fi,en");
    }

    @AfterAll
    void stop() {
        try {
            quit(browser);
            quit(noScriptBrowser);
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            profiles.forEach(SurveyPageBrowserTest::deleteQuietly);
        }
        if (!screenshots.isEmpty()) {
            System.out.println("SurveyPageBrowserTest screenshots:");
            screenshots.forEach(p -> System.out.println("  " + p.toAbsolutePath()));
        }
        if (!consoleProblems.isEmpty()) {
            System.out.println("SurveyPageBrowserTest browser console:");
            consoleProblems.forEach(p -> System.out.println("  " + p));
        }
        System.out.printf("SurveyPageBrowserTest took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aCustomerAnswersInTheirLanguageAndTheLinkIsThenSpent(Lang lang) {
        String customer = customer();
        String link = linkFor(customer, lang);
        int score = switch (lang) {
            case FI -> 9;
            case SV -> 6;
            case EN -> 10;
        };
        String comment = switch (lang) {
            case FI -> "Palvelu oli ystävällistä ja nopeaa.";
            case SV -> "Kön var lång, men personalen var vänlig. Ring gärna – åäö ÅÄÖ.";
            case EN -> "Quick & friendly service <thanks>.";
        };

        browser.get(link);
        assertFormIn(browser, lang);
        assertScaleIsOneRow(browser);
        screenshot(browser, lang.code + "-form");
        answer(browser, lang, score, comment, true);
        assertThanks(browser, lang);
        screenshot(browser, lang.code + "-thanks");

        browser.get(link);
        assertNotAnswerable(browser, Lang.FI, lang);
        screenshot(browser, lang.code + "-not-answerable");

        if (lang == Lang.SV) {
            // A detractor who allowed contact reaches the follow-ups, with the comment as typed (åäö and all).
            JsonNode followUp = followUpOf(customer);
            assertEquals(score, followUp.get("score").asInt(), followUp.toString());
            assertEquals(comment, followUp.get("comment").asText(), "the browser sent the comment in UTF-8");
        }
        assertNoConsoleProblems(browser, "answer in " + lang.code);
    }

    @Test
    void withoutJavaScriptThePageWorksTheSame() throws IOException {
        noScriptBrowser = startBrowser("nojs", false, "en-GB,en"); // an English-speaking customer's browser
        assertEquals("off", scriptProbe(noScriptBrowser), "JavaScript is off in this browser");
        assertEquals("on", scriptProbe(browser), "the probe sees JavaScript where it is on");

        String link = linkFor(customer(), Lang.FI);
        noScriptBrowser.get(link);
        assertFormIn(noScriptBrowser, Lang.FI);
        screenshot(noScriptBrowser, "nojs-fi-form");

        // The customer switches to English with the language links: plain links, the same survey link.
        navigate(noScriptBrowser, () -> noScriptBrowser.findElement(By.cssSelector("nav.languages a[hreflang='en']"))
                .click());
        assertFormIn(noScriptBrowser, Lang.EN);
        assertTrue(noScriptBrowser.getCurrentUrl().startsWith(link), noScriptBrowser.getCurrentUrl());
        screenshot(noScriptBrowser, "nojs-en-form");

        // No score: the error summary, with the comment kept.
        String comment = "Ilman JavaScriptiä / without JavaScript";
        noScriptBrowser.findElement(By.id("comment")).sendKeys(comment);
        navigate(noScriptBrowser, () -> noScriptBrowser.findElement(By.cssSelector("button.primary")).click());
        assertErrorSummary(noScriptBrowser, Lang.EN, comment, false);
        screenshot(noScriptBrowser, "nojs-en-error");

        answer(noScriptBrowser, Lang.EN, 8, null, true);
        assertThanks(noScriptBrowser, Lang.EN);
        screenshot(noScriptBrowser, "nojs-en-thanks");

        noScriptBrowser.get(link);
        assertNotAnswerable(noScriptBrowser, Lang.EN, Lang.EN); // in the browser's language: no link to follow
        screenshot(noScriptBrowser, "nojs-not-answerable");
        assertNoConsoleProblems(noScriptBrowser, "without JavaScript");
    }

    @Test
    void onAPhoneAllElevenScoresFitAndTheSubmitButtonIsReachable() {
        String link = linkFor(customer(), Lang.FI);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.get(link);
            assertFormIn(browser, Lang.FI);
            long innerWidth = number(browser.executeScript("return window.innerWidth;"));
            long scrollWidth = number(browser.executeScript("return document.documentElement.scrollWidth;"));
            assertEquals(375, innerWidth, "the phone's viewport");
            assertTrue(scrollWidth <= innerWidth,
                    "no horizontal scrolling: scrollWidth " + scrollWidth + " > innerWidth " + innerWidth);

            List<WebElement> labels = browser.findElements(By.cssSelector(".scale label"));
            assertEquals(11, labels.size(), "eleven scores, 0 to 10");
            double firstLeft = Double.NaN;
            double previousBottom = Double.NEGATIVE_INFINITY;
            for (int value = 0; value <= 10; value++) {
                WebElement label = labels.get(value);
                assertEquals(Integer.toString(value), label.getText());
                assertTrue(label.isDisplayed(), "score " + value + " is visible");
                @SuppressWarnings("unchecked")
                Map<String, Object> box = (Map<String, Object>) browser.executeScript(
                        "const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right,"
                                + " top: r.top, bottom: r.bottom, width: r.width, height: r.height};",
                        label);
                double left = ((Number) box.get("left")).doubleValue();
                double right = ((Number) box.get("right")).doubleValue();
                double top = ((Number) box.get("top")).doubleValue();
                double width = ((Number) box.get("width")).doubleValue();
                double height = ((Number) box.get("height")).doubleValue();
                // one column in order, never rows: a row break would read as a boundary on the scale
                firstLeft = value == 0 ? left : firstLeft;
                assertEquals(firstLeft, left, 0.5, "score " + value + " is in the one column");
                assertTrue(top >= previousBottom, "score " + value + " is below score " + (value - 1));
                previousBottom = ((Number) box.get("bottom")).doubleValue();
                assertTrue(left >= 0 && right <= innerWidth,
                        "score " + value + " lies inside the screen: " + left + ".." + right);
                assertTrue(width >= 44 && height >= 44,
                        "score " + value + " is a tap target of at least 44 px: " + width + " x " + height);
            }
            screenshot(browser, "phone-fi-form");

            browser.findElement(By.cssSelector("label[for='score-3']")).click();
            WebElement submit = browser.findElement(By.cssSelector("button.primary"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", submit);
            assertTrue(submit.isDisplayed(), "the submit button is visible once scrolled to");
            Object onTop = browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                    + " return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)"
                    + " === arguments[0];", submit);
            assertEquals(Boolean.TRUE, onTop, "nothing covers the submit button");
            screenshot(browser, "phone-fi-submit-in-view");
            navigate(browser, submit::click);
            assertThanks(browser, Lang.FI);
            assertTrue(number(browser.executeScript("return document.documentElement.scrollWidth;")) <= 375,
                    "the thank-you page fits the phone too");
            screenshot(browser, "phone-fi-thanks");
            assertNoConsoleProblems(browser, "on a phone");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void theKeyboardAloneAnswers() {
        String link = linkFor(customer(), Lang.EN);
        browser.get(link);
        assertFormIn(browser, Lang.EN);
        Actions keys = new Actions(browser);

        int tabs = 0;
        while (!"score-0".equals(activeId(browser)) && tabs < 10) {
            keys.sendKeys(Keys.TAB).perform();
            tabs++;
        }
        assertEquals("score-0", activeId(browser), "Tab reaches the score group, at its first option");
        for (int i = 0; i < 7; i++) {
            keys.sendKeys(Keys.ARROW_RIGHT).perform();
        }
        assertEquals("score-7", activeId(browser), "the arrow keys move along the scale");
        assertTrue(browser.findElement(By.id("score-7")).isSelected(), "and choose");
        String outline = (String) browser.executeScript(
                "const s = getComputedStyle(document.querySelector(\"label[for='score-7']\"));"
                        + " return s.outlineStyle + ' ' + s.outlineWidth;");
        assertEquals("solid 3px", outline, "the focused score shows a focus ring");
        screenshot(browser, "keyboard-en-score-focused");

        keys.sendKeys(Keys.TAB).perform();
        assertEquals("comment", activeId(browser), "Tab goes from the scale to the comment");
        keys.sendKeys("Typed with the keyboard only.").perform();
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("contact", activeId(browser), "then to the contact box");
        keys.sendKeys(Keys.SPACE).perform();
        assertTrue(browser.findElement(By.id("contact")).isSelected(), "Space ticks it");
        keys.sendKeys(Keys.TAB).perform();
        WebElement active = browser.switchTo().activeElement();
        assertEquals("button", active.getTagName());
        assertEquals(Lang.EN.submit, active.getText(), "then to the submit button");
        screenshot(browser, "keyboard-en-submit-focused");
        navigate(browser, () -> keys.sendKeys(Keys.ENTER).perform());

        assertThanks(browser, Lang.EN);
        screenshot(browser, "keyboard-en-thanks");
        assertNoConsoleProblems(browser, "keyboard");
    }

    @Test
    void noScoreShowsTheErrorSummaryAndKeepsWhatWasTyped() {
        String link = linkFor(customer(), Lang.FI);
        browser.get(link);
        String comment = "Jonotin pitkään.\nMuuten hyvä.";
        browser.findElement(By.id("comment")).sendKeys(comment);
        browser.findElement(By.cssSelector("label[for='contact']")).click();
        navigate(browser, () -> browser.findElement(By.cssSelector("button.primary")).click());

        assertErrorSummary(browser, Lang.FI, comment, true);
        screenshot(browser, "fi-error");

        // The summary's link takes the focus to the scale; the link is still unspent, and the form can be sent now.
        browser.findElement(By.cssSelector("[role='alert'] a")).click();
        assertTrue(browser.getCurrentUrl().endsWith("#score-0"), browser.getCurrentUrl());
        assertEquals("score-0", activeId(browser), "the summary's link focuses the first score");
        screenshot(browser, "fi-error-after-summary-link", false);
        answer(browser, Lang.FI, 5, null, false);
        assertThanks(browser, Lang.FI);
        assertNoConsoleProblems(browser, "error summary");
    }

    // --- pages ---

    private void assertFormIn(ChromeDriver driver, Lang lang) {
        assertEquals(lang.code, driver.findElement(By.tagName("html")).getDomAttribute("lang"), "the page's language");
        assertEquals(lang.title, driver.getTitle());
        assertEquals(lang.title, driver.findElement(By.tagName("h1")).getText());
        assertEquals(lang.question, driver.findElement(By.cssSelector("fieldset.score legend")).getText());
        assertEquals(lang.neverAsks, driver.findElement(By.id("never-asks")).getText());
        assertTrue(driver.findElement(By.id("never-asks")).isDisplayed(), "the promise is shown");
        assertEquals(11, driver.findElements(By.cssSelector("input[type='radio'][name='score']")).size());
        assertEquals(lang.contact, driver.findElement(By.cssSelector("label[for='contact']")).getText());
        assertEquals(lang.submit, driver.findElement(By.cssSelector("button.primary")).getText());
        assertEquals(lang.name, driver.findElement(By.cssSelector("nav.languages [aria-current='true']")).getText(),
                "the language navigation marks the page's language");
        assertEquals(2, driver.findElements(By.cssSelector("nav.languages a")).size(), "the other two languages");
    }

    /** Chooses the score by its label, as a person taps it; types the comment; ticks contact; sends. */
    private static void answer(ChromeDriver driver, Lang lang, int score, String comment, boolean contact) {
        driver.findElement(By.cssSelector("label[for='score-" + score + "']")).click();
        assertTrue(driver.findElement(By.id("score-" + score)).isSelected(), "clicking the label chooses " + score);
        if (comment != null) {
            WebElement box = driver.findElement(By.id("comment"));
            box.clear();
            box.sendKeys(comment);
        }
        WebElement contactBox = driver.findElement(By.id("contact"));
        if (contact && !contactBox.isSelected()) {
            driver.findElement(By.cssSelector("label[for='contact']")).click();
            assertTrue(contactBox.isSelected(), "the contact label ticks the box");
        }
        WebElement submit = driver.findElement(By.cssSelector("button.primary"));
        assertEquals(lang.submit, submit.getText());
        navigate(driver, submit::click);
    }

    private static void assertThanks(ChromeDriver driver, Lang lang) {
        assertEquals(lang.thanks, driver.findElement(By.tagName("h1")).getText());
        assertEquals(lang.thanks, driver.getTitle());
        assertEquals(lang.code, driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals(lang.neverAsks, driver.findElement(By.id("never-asks")).getText());
        assertTrue(driver.findElements(By.tagName("form")).isEmpty(), "nothing more to send");
    }

    /**
     * The spent link's page. It depends on nothing but the language the request names, so that a used link looks
     * like an unknown one: opened plainly it is in the browser's language, and any other is one link away.
     */
    private void assertNotAnswerable(ChromeDriver driver, Lang browserLanguage, Lang lang) {
        assertEquals(browserLanguage.notAnswerable, driver.findElement(By.tagName("h1")).getText());
        assertEquals(browserLanguage.neverAsks, driver.findElement(By.id("never-asks")).getText());
        assertTrue(driver.findElements(By.tagName("form")).isEmpty(), "no form on a spent link");
        if (lang != browserLanguage) {
            navigate(driver, () -> driver.findElement(By.cssSelector("nav.languages a[hreflang='" + lang.code + "']"))
                    .click());
            assertEquals(lang.notAnswerable, driver.findElement(By.tagName("h1")).getText());
            assertEquals(lang.notAnswerable, driver.getTitle());
            assertEquals(lang.neverAsks, driver.findElement(By.id("never-asks")).getText());
            assertTrue(driver.findElements(By.tagName("form")).isEmpty(), "still no form");
        }
    }

    private static void assertErrorSummary(ChromeDriver driver, Lang lang, String comment, boolean contact) {
        assertEquals(lang.errorPrefix + lang.title, driver.getTitle(), "the title says there is an error");
        List<WebElement> alerts = driver.findElements(By.cssSelector("[role='alert']"));
        assertEquals(1, alerts.size(), "one error summary");
        WebElement summary = alerts.get(0);
        assertTrue(summary.isDisplayed());
        assertEquals(lang.errorSummary, summary.findElement(By.tagName("h2")).getText());
        assertEquals(lang.scoreMissing, summary.findElement(By.cssSelector("li a")).getText());
        assertEquals("#score-0", summary.findElement(By.cssSelector("li a")).getDomProperty("hash"));
        assertEquals(lang.scoreMissing, driver.findElement(By.id("score-error")).getText(), "by the field too");
        assertEquals("true", driver.findElement(By.id("score-0")).getDomAttribute("aria-invalid"));
        assertEquals(comment, driver.findElement(By.id("comment")).getDomProperty("value"), "the comment is kept");
        assertEquals(contact, driver.findElement(By.id("contact")).isSelected(), "the contact box is kept");
        assertTrue(driver.findElements(By.cssSelector("input[name='score']:checked")).isEmpty());
    }

    // --- the service ---

    /** A partner, its key, and a partner-delivered SMS survey on BRANCH in fi, sv and en; returns the key. */
    private String partnerSmsSurveyInThreeLanguages(String adminKey) {
        ok(201, client.send(Call.post("/api/v1/partners").key(adminKey)
                .json("{\"partnerId\":\"" + PARTNER + "\",\"name\":\"Browser partner\"}")));
        String key = ok(201, client.send(Call.post("/api/v1/partners/" + PARTNER + "/keys").key(adminKey)
                .json("{\"label\":\"browser\",\"perSecond\":1000,\"burst\":1000}"))).json().get("key").asText();
        String id = ok(201, client.send(Call.post("/api/v1/surveys").key(adminKey).json(SURVEY + "}")))
                .json().get("surveyId").asText();
        Map<String, String> bodies = Map.of(
                "fi", "Miten onnistuimme? {{surveyLink}}",
                "sv", "Hur lyckades vi? {{surveyLink}}",
                "en", "How did we do? {{surveyLink}}");
        bodies.forEach((language, body) -> ok(200, client.send(Call.put("/api/v1/surveys/" + id + "/templates/SMS/"
                + language).key(adminKey).json("{\"body\":\"" + body + "\"}"))));
        ok(200, client.send(Call.put("/api/v1/surveys/" + id).key(adminKey).json(SURVEY + ",\"state\":\"ACTIVE\"}")));
        return key;
    }

    /** One customer per link: a customer gets one invitation per rest period. */
    private String customer() {
        return "C-browser-" + customers.incrementAndGet();
    }

    /** A BRANCH event in the customer's language, then the partner's claim; returns the link as the SMS has it. */
    private String linkFor(String customer, Lang lang) {
        Answer recorded = client.send(Call.post("/api/v1/service-events").key(cluster.key("EVENT_SOURCE")).json("""
                {"eventId":"ev-%s","customerId":"%s","channel":"BRANCH","occurredAt":"%s","controller":"OP-Retail",
                 "language":"%s","mobile":"040 555 1234"}""".formatted(customer, customer, Instant.now(), lang.code)));
        assertEquals(200, recorded.status(), recorded.text());
        JsonNode invitations = ok(200, client.send(Call.post("/api/v1/partner/invitations/claim").key(partnerKey)
                .json("{\"limit\":1000}"))).json().get("invitations");
        assertEquals(1, invitations.size(), "one invitation ready: " + invitations);
        String link = invitations.get(0).get("link").asText();
        int path = link.indexOf("/s/");
        assertTrue(path >= 0, link);
        return origin + link.substring(path);
    }

    private JsonNode followUpOf(String customer) {
        JsonNode followUps = ok(200, client.send(Call.get("/api/v1/follow-ups?state=OPEN")
                .key(cluster.key("ADMIN")))).json().get("followUps");
        for (JsonNode followUp : followUps) {
            if (customer.equals(followUp.get("customerId").asText())) {
                return followUp;
            }
        }
        return fail("no follow-up for " + customer + ": " + followUps);
    }

    private static Answer ok(int status, Answer answer) {
        assertEquals(status, answer.status(), answer.text());
        return answer;
    }

    // --- the browser ---

    private static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + "; install them with: "
                + INSTALL;
        if ("1".equals(System.getenv("PALAUTE_REQUIRE_BROWSER"))) {
            fail("PALAUTE_REQUIRE_BROWSER=1 but " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    /**
     * A fresh headless Chromium with its own chromedriver and profile, sending these languages as its
     * Accept-Language; nothing is looked up or downloaded.
     */
    private ChromeDriver startBrowser(String name, boolean javascript, String acceptLanguages) throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(TARGET), "chromium-profile-" + name + "-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--no-default-browser-check", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>(Map.of("intl.accept_languages", acceptLanguages));
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(TARGET.resolve("chromedriver-" + name + ".log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).implicitlyWait(Duration.ZERO);
        return driver;
    }

    /**
     * Does what leads to another page (a click on a link or a button, Enter) and waits until the old page is gone:
     * a click returns as soon as it is dispatched, not when the form's answer has arrived.
     */
    private static void navigate(ChromeDriver driver, Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, WAIT).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or ChromeDriver's "node does not belong to the document" while the new page replaces it
                return true;
            }
        });
    }

    /** "on" where a script ran, "off" where none may. */
    private static String scriptProbe(ChromeDriver driver) {
        driver.get("data:text/html;charset=utf-8,<p id='probe'>off</p>"
                + "<script>document.getElementById('probe').textContent='on'</script>");
        return driver.findElement(By.id("probe")).getText();
    }

    private static String activeId(ChromeDriver driver) {
        return driver.switchTo().activeElement().getDomAttribute("id");
    }

    /** On a wide window the eleven scores stand in one row, 0 on the left. */
    private static void assertScaleIsOneRow(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        List<Number> tops = (List<Number>) driver.executeScript("return Array.from(document.querySelectorAll("
                + "'.scale label'), l => l.getBoundingClientRect().top);");
        @SuppressWarnings("unchecked")
        List<Number> lefts = (List<Number>) driver.executeScript("return Array.from(document.querySelectorAll("
                + "'.scale label'), l => l.getBoundingClientRect().left);");
        assertEquals(11, tops.size());
        for (int value = 1; value <= 10; value++) {
            assertEquals(tops.get(0).doubleValue(), tops.get(value).doubleValue(), 0.5, "score " + value + " in row");
            assertTrue(lefts.get(value).doubleValue() > lefts.get(value - 1).doubleValue(),
                    "score " + value + " after " + (value - 1));
        }
    }

    /** The whole page, not only the window, as a PNG under target/screenshots/. */
    private void screenshot(ChromeDriver driver, String name) {
        screenshot(driver, name, true);
    }

    /** The whole page, or only what the window shows (where the page is scrolled to matters), as a PNG. */
    @SuppressWarnings("unchecked")
    private void screenshot(ChromeDriver driver, String name, boolean wholePage) {
        byte[] png;
        if (wholePage) {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) content.get("width")).doubleValue();
            double height = ((Number) content.get("height")).doubleValue();
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            String data = (String) shot.get("data");
            assertNotNull(data, "a screenshot of " + name);
            png = Base64.getDecoder().decode(data);
        } else {
            png = driver.getScreenshotAs(OutputType.BYTES);
        }
        Path file = SCREENSHOTS.resolve("%02d-%s.png".formatted(shots.incrementAndGet(), name));
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        screenshots.add(file);
        System.out.println("screenshot " + file.toAbsolutePath());
    }

    /** Console errors (a refused style, a blocked script, a failed load) are page problems; they are collected. */
    private void assertNoConsoleProblems(ChromeDriver driver, String where) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.WARNING.intValue()) {
                continue;
            }
            String message = entry.getMessage();
            if (message.contains("status of 410 (Gone)") || message.contains("status of 400 (Bad Request)")) {
                continue; // a spent link's page (410) and the form shown again to be fixed (400): by design
            }
            problems.add(where + ": " + entry.getLevel() + " " + message);
        }
        consoleProblems.addAll(problems);
        assertTrue(problems.isEmpty(), "the browser console: " + problems);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static void quit(ChromeDriver driver) {
        if (driver != null) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                System.out.println("quitting the browser: " + e);
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("could not delete " + root + ": " + e);
        }
    }
}
