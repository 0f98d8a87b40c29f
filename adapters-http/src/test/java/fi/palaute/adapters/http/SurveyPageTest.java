package fi.palaute.adapters.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.FakeUseCases.SurveyLink;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.answer.SubmitAnswerCommand;
import fi.palaute.domain.survey.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The customer's survey page over real HTTP, with the use cases faked: what each page says in each language, that
 * it asks for nothing but the answer, that a link that cannot be answered tells nothing about why, and that every
 * answer carries the page headers, errors included.
 */
class SurveyPageTest {

    /** 256 random bits, base64url, as the service makes them. */
    static final String TOKEN = "tVn3Jw0q8cKx-Yh2b9_ZrAqLmP4sD6fGhJkLzXcVbNm";
    static final String ANONYMOUS_TOKEN = "Qm9vX2FfNDJfcmFuZG9tX2J5dGVzX2hlcmVfYW5vbnk";
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    static final Map<Language, String> QUESTION = Map.of(
            Language.FI, "Kuinka todennäköisesti suosittelisit OP:ta ystävällesi tai kollegallesi?",
            Language.SV, "Hur sannolikt är det att du skulle rekommendera OP till en vän eller kollega?",
            Language.EN, "How likely is it that you would recommend OP to a friend or colleague?");
    static final Map<Language, String> NEVER_ASKS = Map.of(
            Language.FI, "OP ei koskaan pyydä verkkopankkitunnuksiasi, korttitietojasi tai henkilötunnustasi"
                    + " kyselyssä tai linkin kautta.",
            Language.SV, "OP ber aldrig om dina nätbankskoder, dina kortuppgifter eller din personbeteckning i en"
                    + " enkät eller via en länk.",
            Language.EN, "OP never asks for your online banking codes, your card details or your personal identity"
                    + " number in a survey or through a link.");
    static final Map<Language, String> NOT_ANSWERABLE = Map.of(
            Language.FI, "Tähän kyselyyn ei voi enää vastata",
            Language.SV, "Den här enkäten kan inte längre besvaras",
            Language.EN, "This survey can no longer be answered");

    private final FakeUseCases fakes = new FakeUseCases();

    private void identifiedInFinnishSwedishAndEnglish() {
        fakes.addSurveyLink(TOKEN, new SurveyLink(Language.FI, List.of(Language.FI, Language.SV, Language.EN), false));
    }

    // --- the form

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void eachLanguageAsksTheQuestionOnAnElevenPointScaleAndKeepsThePromise(String code) {
        Language language = Language.ofCode(code);
        identifiedInFinnishSwedishAndEnglish();
        TestServer.with(fakes, client -> {
            Answer page = client.send(Call.get("/s/" + TOKEN + "?lang=" + code));

            assertEquals(200, page.status());
            assertPageRules(page);
            String html = page.text();
            assertTrue(html.contains("<html lang=\"" + code + "\">"), "the page's language");
            assertTrue(html.contains("<legend>" + QUESTION.get(language) + "</legend>"), "the question as legend");
            assertTrue(html.contains(NEVER_ASKS.get(language)), "the promise");
            for (int score = 0; score <= 10; score++) {
                assertTrue(html.contains("<input type=\"radio\" id=\"score-" + score + "\" name=\"score\" value=\""
                        + score + "\"><label for=\"score-" + score + "\">" + score + "</label>"), "score " + score);
            }
            assertTrue(html.contains("<p class=\"hint\" id=\"score-hint\">0 = "), "the ends of the scale explained");
            assertTrue(html.contains("<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"1000\""));
            assertTrue(html.contains("<label for=\"comment\">"));
            assertTrue(html.contains("<input type=\"checkbox\" id=\"contact\" name=\"contact\" value=\"yes\">"));
            assertTrue(html.contains("<label for=\"contact\">"));
            assertTrue(html.contains("<input type=\"hidden\" name=\"lang\" value=\"" + code + "\">"));
            assertTrue(html.contains("<form class=\"answer\" method=\"post\" action=\"/s/" + TOKEN + "\""));
            assertTrue(html.contains("<form method=\"post\" action=\"/s/" + TOKEN + "/opt-out\""));
            assertEquals(Set.of("score", "comment", "contact", "lang"), fieldNames(html),
                    "it asks for the answer and nothing else: no codes, card data or identity number");
            assertFalse(withoutFormActions(html).contains(TOKEN), "the token only where the forms post back");
        });
        assertEquals(0, fakes.writes(), "opening changes nothing");
    }

    @Test
    void theFormsTextsAreThoseTheBrowserTestLooksFor() {
        identifiedInFinnishSwedishAndEnglish();
        TestServer.with(fakes, client -> {
            String html = client.send(Call.get("/s/" + TOKEN + "?lang=en")).text();
            for (String text : List.of("0 = not at all likely, 10 = extremely likely",
                    "Would you like to tell us more? (optional)", "Please do not write personal data",
                    "You may contact me about my answer", "Send answer", "I do not want surveys from OP")) {
                assertTrue(html.contains(text), text);
            }
        });
    }

    @Test
    void anAnonymousSurveySaysSoAndOffersNoContact() {
        fakes.addSurveyLink(ANONYMOUS_TOKEN, new SurveyLink(Language.EN, List.of(Language.EN), true));
        TestServer.with(fakes, client -> {
            String html = client.send(Call.get("/s/" + ANONYMOUS_TOKEN)).text();
            assertTrue(html.contains("This survey is anonymous. Your answer cannot be linked to you."));
            assertFalse(html.contains("name=\"contact\""), "no contact box");
            assertFalse(html.contains("You may contact me"));
            assertFalse(html.contains("<nav"), "one language: nothing to switch to");
        });
    }

    @Test
    void theLanguageLinksOfferOnlyTheSurveysLanguages() {
        fakes.addSurveyLink(TOKEN, new SurveyLink(Language.FI, List.of(Language.FI, Language.SV), false));
        TestServer.with(fakes, client -> {
            String html = client.send(Call.get("/s/" + TOKEN)).text();
            assertTrue(html.contains("<a href=\"?lang=sv\" hreflang=\"sv\" lang=\"sv\">Svenska</a>"));
            assertTrue(html.contains("<span aria-current=\"true\">Suomi</span>"), "the current one is no link");
            assertFalse(html.contains("English"));
        });
    }

    @ParameterizedTest
    @CsvSource({"?lang=sv,sv", "?lang=en,fi", "?lang=xx,fi", "?lang=SV,fi", "?lang=sv&lang=fi,fi", "'',fi",
            "?utm_source=newsletter&lang=sv,sv", "?lang=%73v,sv", "?lang=,fi"})
    void theLanguageIsTheOneAskedForIfTheSurveyOffersItElseTheInvitations(String query, String expected) {
        fakes.addSurveyLink(TOKEN, new SurveyLink(Language.FI, List.of(Language.FI, Language.SV), false));
        TestServer.with(fakes, client -> {
            Answer page = client.sendPage(Call.get("/s/" + TOKEN + query));
            assertEquals(200, page.status(), "unknown query parameters are ignored");
            assertTrue(page.text().contains("<html lang=\"" + expected + "\">"), page.text());
        });
    }

    // --- answering

    @Test
    void anAnswerIsSubmittedOnceAndThanksInTheLanguage() {
        identifiedInFinnishSwedishAndEnglish();
        TestServer.with(fakes, client -> {
            Answer thanks = client.send(Call.post("/s/" + TOKEN)
                    .form("score=9&comment=" + encode("Bra service,\r\ntack!") + "&contact=yes&lang=sv"));

            assertEquals(200, thanks.status());
            assertPageRules(thanks);
            assertTrue(thanks.text().contains("<h1>Tack för ditt svar!</h1>"), thanks.text());
            assertTrue(thanks.text().contains(NEVER_ASKS.get(Language.SV)));
            assertFalse(thanks.text().contains(TOKEN));

            Answer again = client.sendPage(Call.post("/s/" + TOKEN).form("score=9&lang=sv"));
            assertEquals(410, again.status(), "a link answers once");
        });
        SubmitAnswerCommand command = fakes.submittedAnswers.get(0);
        assertEquals(TOKEN, command.token());
        assertEquals(9, command.answer().score().value());
        assertEquals(Optional.of("Bra service,\ntack!"), command.answer().comment(), "line breaks as one character");
        assertTrue(command.answer().contactAllowed());
        assertEquals(Language.SV, command.language());
        assertFalse(command.toString().contains(TOKEN));
    }

    @Test
    void withoutTheBoxTickedContactIsNotAllowedAndACommentMayBeLeftOut() {
        identifiedInFinnishSwedishAndEnglish();
        TestServer.with(fakes, client ->
                assertEquals(200, client.send(Call.post("/s/" + TOKEN).form("score=0&comment=&lang=fi")).status()));
        SubmitAnswerCommand command = fakes.submittedAnswers.get(0);
        assertFalse(command.answer().contactAllowed());
        assertEquals(Optional.empty(), command.answer().comment());
        assertEquals(0, command.answer().score().value());
    }

    @Test
    void anAnonymousAnswerIsThankedAsAnonymous() {
        fakes.addSurveyLink(ANONYMOUS_TOKEN, new SurveyLink(Language.EN, List.of(Language.EN), true));
        TestServer.with(fakes, client -> {
            Answer thanks = client.send(Call.post("/s/" + ANONYMOUS_TOKEN).form("score=7&lang=en"));
            assertTrue(thanks.text().contains("Your answer was saved anonymously."));
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"comment=" + "Hello%20%3Cb%3Ethere%3C%2Fb%3E" + "&contact=yes&lang=en",
            "score=&comment=Hello%20%3Cb%3Ethere%3C%2Fb%3E&contact=yes&lang=en",
            "score=11&comment=Hello%20%3Cb%3Ethere%3C%2Fb%3E&contact=yes&lang=en",
            "score=-1&comment=Hello%20%3Cb%3Ethere%3C%2Fb%3E&contact=yes&lang=en",
            "score=5.0&comment=Hello%20%3Cb%3Ethere%3C%2Fb%3E&contact=yes&lang=en",
            "score=%205&comment=Hello%20%3Cb%3Ethere%3C%2Fb%3E&contact=yes&lang=en",
            "score=05&comment=Hello%20%3Cb%3Ethere%3C%2Fb%3E&contact=yes&lang=en",
            "score=5&score=6&comment=Hello%20%3Cb%3Ethere%3C%2Fb%3E&contact=yes&lang=en"})
    void withoutAValidScoreTheFormComesBackWith400KeepingWhatWasTyped(String form) {
        identifiedInFinnishSwedishAndEnglish();
        TestServer.with(fakes, client -> {
            Answer page = client.sendPage(Call.post("/s/" + TOKEN).form(form));

            assertEquals(400, page.status());
            assertPageRules(page);
            String html = page.text();
            assertTrue(html.contains("<title>Error: OP customer survey</title>"));
            assertTrue(html.contains("<div class=\"error-summary\" role=\"alert\""), "announced at once");
            assertTrue(html.contains("<li><a href=\"#score-0\">Choose a number from 0 to 10.</a></li>"),
                    "the summary links to the field");
            assertTrue(html.contains("aria-describedby=\"score-hint score-error\""), "the field points at its error");
            assertTrue(html.contains("<p class=\"field-error\" id=\"score-error\">Choose a number from 0 to 10.</p>"));
            assertTrue(html.contains(">\nHello &lt;b&gt;there&lt;/b&gt;</textarea>"), "the comment kept, escaped");
            assertTrue(html.contains("value=\"yes\" checked>"), "the box stays ticked");
            assertFalse(html.contains(" checked><label"), "no score is shown as chosen");
        });
        assertEquals(0, fakes.calls("submitAnswer"), "nothing was submitted");
        assertEquals(0, fakes.writes());
    }

    @Test
    void aCommentOverTheLimitComesBackWith400AndItsScoreKept() {
        identifiedInFinnishSwedishAndEnglish();
        String tooLong = "ä".repeat(1001);
        TestServer.with(fakes, client -> {
            Answer page = client.sendPage(Call.post("/s/" + TOKEN).form("score=4&comment=" + encode(tooLong)
                    + "&lang=fi"));
            assertEquals(400, page.status());
            String html = page.text();
            assertTrue(html.contains("<p class=\"field-error\" id=\"comment-error\">Kommentti on liian pitkä."));
            assertTrue(html.contains("aria-describedby=\"comment-hint comment-error\" aria-invalid=\"true\">"));
            assertTrue(html.contains("<a href=\"#comment\">"));
            assertTrue(html.contains("value=\"4\" checked><label for=\"score-4\">"), "the score stays chosen");
            assertTrue(html.contains(tooLong + "</textarea>"), "the comment is kept to be shortened");
        });
        assertEquals(0, fakes.calls("submitAnswer"));
    }

    @Test
    void aCommentOfExactlyTheLimitIsTakenEvenWithBrowserLineBreaks() {
        identifiedInFinnishSwedishAndEnglish();
        // 1,000 characters as the browser counts them; sent with CR LF, 1,001 before line breaks are made one.
        String comment = "a".repeat(499) + "\r\n" + "b".repeat(500);
        TestServer.with(fakes, client -> assertEquals(200, client.send(Call.post("/s/" + TOKEN)
                .form("score=4&comment=" + encode(comment) + "&lang=fi")).status()));
        assertEquals(1000, fakes.submittedAnswers.get(0).answer().comment().orElseThrow().length());
    }

    @Test
    void whatACustomerTypesCannotBecomeMarkup() {
        identifiedInFinnishSwedishAndEnglish();
        String attack = "</textarea><script>alert('x')</script><img src=x onerror=alert(1)>\"'&\u0000";
        TestServer.with(fakes, client -> {
            String html = client.sendPage(Call.post("/s/" + TOKEN).form("comment=" + encode(attack) + "&lang=en"))
                    .text();
            assertTrue(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x"
                    + " onerror=alert(1)&gt;&quot;&#39;&amp;\uFFFD</textarea>"), html);
            assertFalse(html.contains("<script"));
        });
    }

    @Test
    void aFormOfAnotherKindIsAFormWithNothingInIt() {
        identifiedInFinnishSwedishAndEnglish();
        TestServer.with(fakes, client -> {
            Answer page = client.sendPage(Call.post("/s/" + TOKEN).body("application/json",
                    "{\"score\":9}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(400, page.status());
            assertTrue(page.text().contains("id=\"score-error\""));
        });
        assertEquals(0, fakes.calls("submitAnswer"));
    }

    // --- "I do not want surveys"

    @Test
    void optingOutConfirmsInThePagesLanguageAndTheLinkIsThenOver() {
        identifiedInFinnishSwedishAndEnglish();
        TestServer.with(fakes, client -> {
            Answer confirmation = client.send(Call.post("/s/" + TOKEN + "/opt-out").form("lang=en"));

            assertEquals(200, confirmation.status());
            assertPageRules(confirmation);
            String html = confirmation.text();
            assertTrue(html.contains("<h1>You will get no more surveys from OP</h1>"));
            assertTrue(html.contains("You can change this in My Profile or through customer service."));
            assertTrue(html.contains(NEVER_ASKS.get(Language.EN)));
            assertFalse(html.contains(TOKEN));

            assertEquals(410, client.send(Call.get("/s/" + TOKEN)).status(), "the invitation was withdrawn");
        });
        assertEquals(List.of("opt-out", "open"), fakes.tokenAsks.stream().map(FakeUseCases.TokenAsk::verb).toList());
    }

    @Test
    void optingOutWithoutALanguageConfirmsInTheInvitationsLanguage() {
        fakes.addSurveyLink(TOKEN, new SurveyLink(Language.SV, List.of(Language.FI, Language.SV), false));
        TestServer.with(fakes, client -> {
            Answer confirmation = client.send(Call.post("/s/" + TOKEN + "/opt-out"));
            assertTrue(confirmation.text().contains("<h1>Du får inga fler enkäter från OP</h1>"));
            assertTrue(confirmation.text().contains("Mina uppgifter eller via kundtjänst"));
        });
    }

    @Test
    void theOptOutsLanguageLinksLeadToThePageOfTheLink() {
        TestServer.with(fakes, client -> {
            Answer gone = client.send(Call.get("/s/" + TOKEN + "/opt-out?lang=sv"));
            assertEquals(410, gone.status());
            assertTrue(gone.text().contains(NOT_ANSWERABLE.get(Language.SV)));
        });
        assertEquals(0, fakes.writes(), "a GET never opts out");
    }

    // --- a link that cannot be answered

    @Test
    void aLinkThatCannotBeAnsweredGetsOneAndTheSamePageWhateverTheTokenAndMethod() {
        identifiedInFinnishSwedishAndEnglish();
        List<String> tokens = new ArrayList<>(List.of(TOKEN, // used up below
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x", "..", ".", "%", "a b", "a/b", "<script>",
                "' OR '1'='1", "131052-308T", "äiti", "{token}", "x".repeat(2000), TOKEN.toLowerCase()));
        Map<String, Answer> answers = new LinkedHashMap<>();
        TestServer.with(fakes, client -> {
            assertEquals(200, client.send(Call.post("/s/" + TOKEN).form("score=10&lang=fi")).status());
            for (String token : tokens) {
                String path = "/s/" + PartnerIsolationMatrixTest.encode(token);
                for (String lang : List.of("", "sv")) {
                    String query = lang.isEmpty() ? "" : "?lang=" + lang;
                    String field = lang.isEmpty() ? "" : "lang=" + lang;
                    answers.put(lang + " GET " + token, client.sendPage(Call.get(path + query)));
                    answers.put(lang + " POST " + token, client.sendPage(Call.post(path)
                            .form("score=8&" + field)));
                    answers.put(lang + " POST with mistakes " + token, client.sendPage(Call.post(path)
                            .form("score=eight&" + field)));
                    answers.put(lang + " opt-out " + token, client.sendPage(Call.post(path + "/opt-out")
                            .form(field)));
                    answers.put(lang + " GET opt-out " + token, client.sendPage(Call.get(path + "/opt-out" + query)));
                }
            }
        });

        Answer finnish = answers.get(" GET " + TOKEN);
        Answer swedish = answers.get("sv GET " + TOKEN);
        assertEquals(410, finnish.status());
        assertTrue(finnish.text().contains("<html lang=\"fi\">"));
        assertTrue(finnish.text().contains("<h1>" + NOT_ANSWERABLE.get(Language.FI) + "</h1>"));
        assertTrue(finnish.text().contains(NEVER_ASKS.get(Language.FI)));
        assertTrue(finnish.text().contains("<a href=\"?lang=sv\" hreflang=\"sv\" lang=\"sv\">Svenska</a>"));
        assertTrue(finnish.text().contains("<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\">English</a>"));
        assertTrue(swedish.text().contains("<h1>" + NOT_ANSWERABLE.get(Language.SV) + "</h1>"));
        for (Map.Entry<String, Answer> entry : answers.entrySet()) {
            Answer reference = entry.getKey().startsWith("sv") ? swedish : finnish;
            Answer answer = entry.getValue();
            String what = entry.getKey().length() > 60 ? entry.getKey().substring(0, 60) : entry.getKey();
            assertEquals(410, answer.status(), what);
            assertEquals(reference.text(), answer.text(), what + ": the same bytes");
            assertEquals(reference.headers().keySet(), answer.headers().keySet(), what);
            assertPageRules(answer);
        }
        for (String token : tokens) {
            if (token.length() >= 3) {
                assertFalse(finnish.text().contains(token) || swedish.text().contains(token), token);
            }
        }

        // Nothing was decided in front of the use cases: every token reached one exactly as sent.
        List<String> asked = fakes.tokenAsks.stream().map(FakeUseCases.TokenAsk::token).toList();
        for (String token : tokens) {
            assertEquals(tokens.indexOf(token) == 0 ? 11 : 10, asked.stream().filter(token::equals).count(),
                    "every request with " + token.substring(0, Math.min(10, token.length())) + " reached a use case");
        }
        assertEquals(1, fakes.submittedAnswers.size());
    }

    @Test
    void withoutALanguageAskedTheNotAnswerablePageIsInTheBrowsersLanguageWhateverTheToken() {
        identifiedInFinnishSwedishAndEnglish();
        Map<String, Answer> answers = new LinkedHashMap<>();
        TestServer.with(fakes, client -> {
            assertEquals(200, client.send(Call.post("/s/" + TOKEN).form("score=10&lang=fi")).status());
            for (String token : List.of(TOKEN, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
                for (String header : List.of("sv-FI,sv;q=0.9,en;q=0.5", "de-DE,de;q=0.9,en;q=0.4", "de, fr",
                        "en-GB;q=nonsense", "fi;q=0.1,sv;q=0.2", "x".repeat(600))) {
                    answers.put(header + " " + token, client.sendPage(Call.get("/s/" + token)
                            .header("Accept-Language", header)));
                }
                answers.put("asked en " + token, client.sendPage(Call.get("/s/" + token + "?lang=en")
                        .header("Accept-Language", "sv-FI")));
            }
        });
        for (Map.Entry<String, Answer> entry : answers.entrySet()) {
            String key = entry.getKey();
            Language expected = key.startsWith("asked en") || key.startsWith("de-DE") ? Language.EN
                    : key.startsWith("sv-FI") || key.startsWith("fi;q=0.1") ? Language.SV
                    : Language.FI; // no language of ours, a malformed header, or one too long to be a browser's
            Answer answer = entry.getValue();
            assertEquals(410, answer.status(), key);
            assertTrue(answer.text().contains("<html lang=\"" + expected.code() + "\">"), key);
            assertTrue(answer.text().contains("<h1>" + NOT_ANSWERABLE.get(expected) + "</h1>"), key);
            assertPageRules(answer);
        }
        // A spent link and an unknown token still look alike, byte for byte, for the same request headers.
        for (String header : List.of("sv-FI,sv;q=0.9,en;q=0.5", "de, fr")) {
            assertEquals(answers.get(header + " " + TOKEN).text(),
                    answers.get(header + " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").text());
        }
    }

    // --- headers, errors and the stylesheet

    @Test
    void everyAnswerCarriesThePageHeadersErrorsIncluded() {
        identifiedInFinnishSwedishAndEnglish();
        fakes.addSurveyLink(ANONYMOUS_TOKEN, new SurveyLink(Language.EN, List.of(Language.EN), true));
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("form", Call.get("/s/" + TOKEN));
        calls.put("form again", Call.post("/s/" + TOKEN).form("lang=en"));
        calls.put("opt-out", Call.post("/s/" + ANONYMOUS_TOKEN + "/opt-out").form("lang=en"));
        calls.put("thanks", Call.post("/s/" + TOKEN).form("score=6&lang=en"));
        calls.put("not answerable", Call.get("/s/" + TOKEN));
        calls.put("no such page", Call.get("/s/" + TOKEN + "/elsewhere"));
        calls.put("no token", Call.get("/s/"));
        calls.put("a method no page has", Call.method("PUT", "/s/" + TOKEN));
        calls.put("a body over the limit", Call.post("/s/" + TOKEN)
                .form("comment=" + "a".repeat(256 * 1024)).chunked());
        TestServer.with(fakes, client -> {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            calls.forEach((what, call) -> {
                Answer answer = client.sendPage(call);
                statuses.put(what, answer.status());
                assertPageRules(answer);
                assertEquals("no-store", answer.header("Cache-Control").orElse(""), what);
                assertFalse(answer.text().contains("urn:palaute:problem"), what + ": a page, not Problem Details");
                assertTrue(answer.text().contains("OP "), what);
            });
            assertEquals(List.of(200, 400, 200, 200, 410, 404, 404, 405, 413), List.copyOf(statuses.values()),
                    statuses.toString());
        });
    }

    @Test
    void aFailureInsideIsAnErrorPageWithAnErrorCodeAndNoTrace() {
        fakes.openSurvey = token -> {
            throw new IllegalStateException("connection refused to db-host-secret-name");
        };
        TestServer.with(fakes, client -> {
            Answer answer = client.sendPage(Call.get("/s/" + TOKEN + "?lang=sv"));
            assertEquals(500, answer.status());
            assertPageRules(answer);
            String html = answer.text();
            assertTrue(html.contains("<h1>Något gick fel</h1>"), html);
            assertTrue(html.matches("(?s).*Felkod: <code>[0-9a-f-]{36}</code>.*"), "an error code for support");
            assertTrue(html.contains(NEVER_ASKS.get(Language.SV)));
            String lower = html.toLowerCase();
            assertFalse(lower.contains("exception") || lower.contains(".java") || lower.contains("db-host"), html);
            assertFalse(html.contains(TOKEN));
        });
    }

    @Test
    void theStylesheetIsServedFromTheSameHostWithThePageHeaders() {
        TestServer.with(fakes, client -> {
            Answer css = client.send(Call.get("/assets/survey.css"));
            assertEquals(200, css.status());
            assertEquals("text/css", css.contentType().orElse(""));
            assertEquals(CSP, css.header("Content-Security-Policy").orElse(""));
            assertEquals("no-referrer", css.header("Referrer-Policy").orElse(""));
            assertEquals("nosniff", css.header("X-Content-Type-Options").orElse(""));
            assertTrue(css.header("Cache-Control").orElse("").startsWith("public"), "a stylesheet may be cached");
            assertTrue(css.text().contains(".choice input:focus-visible + label"), "a visible focus");
            assertFalse(css.text().contains("url("), "it loads nothing");
        });
    }

    /**
     * Jetty refuses these before routing and has replaced their path by the time it answers, so a page's cannot be
     * told apart: the answer is Problem Details, but with the page's security headers. No browser sends these.
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET /s/%zz HTTP/1.1", "GET /s/% HTTP/1.1", "POST /s/%zz/opt-out HTTP/1.1"})
    void aRequestJettyRefusesBeforeRoutingStillHasThePageHeaders(String requestLine) {
        TestServer.with(fakes, client -> {
            String response = raw(client, requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String head = response.split("\r\n\r\n", 2)[0].toLowerCase();
            assertTrue(head.startsWith("http/1.1 400"), head);
            assertTrue(head.contains("content-security-policy: " + CSP.toLowerCase()), head);
            assertTrue(head.contains("referrer-policy: no-referrer"), head);
            assertTrue(head.contains("x-content-type-options: nosniff"), head);
            assertTrue(head.contains("cache-control: no-store"), head);
            assertFalse(response.contains("Exception"), response);
        });
        assertEquals(0, fakes.calls("openSurvey"));
    }

    // --- helpers

    /** Headers and content every page must have, whatever it says. */
    static void assertPageRules(Answer page) {
        String html = page.text();
        assertAll(
                // Jetty writes it without the optional space after ';' (RFC 9110 allows either).
                () -> assertEquals("text/html;charset=utf-8", page.header("Content-Type").orElse("")
                        .replace(" ", "").toLowerCase()),
                () -> assertEquals(CSP, page.header("Content-Security-Policy").orElse("")),
                () -> assertEquals("no-referrer", page.header("Referrer-Policy").orElse("")),
                () -> assertEquals("nosniff", page.header("X-Content-Type-Options").orElse("")),
                () -> assertEquals("no-store", page.header("Cache-Control").orElse("")),
                () -> assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\""), "a whole page"),
                () -> assertTrue(html.contains(
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")),
                () -> assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/survey.css\">")),
                () -> assertTrue(html.contains("<h1>"), "a heading"),
                () -> assertTrue(html.contains("<p class=\"notice\" id=\"never-asks\">OP "), "the promise"),
                () -> assertFalse(html.toLowerCase().contains("<script"), "no script"),
                () -> assertFalse(html.toLowerCase().contains("<style"), "no style block"),
                () -> assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "no style attribute"),
                () -> assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "no event handler"),
                () -> assertFalse(Pattern.compile("(src|href|action)=\"(https?:)?//").matcher(html).find(),
                        "nothing from another host"),
                () -> assertFalse(html.contains("urn:palaute:problem")));
    }

    /** The names of every field the page's forms send. */
    static Set<String> fieldNames(String html) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("<(input|textarea|select)[^>]*\\sname=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }

    static String withoutFormActions(String html) {
        return html.replaceAll("action=\"[^\"]*\"", "action=\"\"");
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String raw(ContractClient client, String request) {
        try (Socket socket = new Socket("localhost", client.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("no answer", e);
        }
    }
}
