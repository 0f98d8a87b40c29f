package fi.palaute.adapters.http.answer;

import fi.palaute.adapters.http.answer.SurveyForm.Mistake;
import fi.palaute.adapters.http.answer.SurveyPages.FormPage;
import fi.palaute.application.port.in.answer.OpenSurveyUseCase;
import fi.palaute.application.port.in.answer.OptOutBySurveyLinkUseCase;
import fi.palaute.application.port.in.answer.SubmitAnswerCommand;
import fi.palaute.application.port.in.answer.SubmitAnswerUseCase;
import fi.palaute.domain.survey.Language;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's survey page, {@code /s/{token}} (R-NOLOGIN, R-NPS, R-ANON, R-OPTOUT): no login, no key, no
 * JavaScript. Opening the link (GET) changes nothing; only the two forms (POST) act, the answer and "I do not want
 * surveys".
 * <p>
 * The token goes to the use case exactly as it came, whatever it is: the use case answers a used, expired,
 * withdrawn and unknown token alike, by the same path, and this adapter answers all of them with the same page in
 * the same status (410), so the answer tells nothing about which it was. The token never reaches a log line (errors
 * are logged with the route template) and a page holds it only in its forms' {@code action}.
 * <p>
 * Unlike the API, the page ignores query parameters it does not know: links pass through mail systems that append
 * their own.
 */
public final class SurveyPageRoutes {

    public static final String PAGE = "/s/{token}";
    public static final String OPT_OUT = PAGE + SurveyPages.OPT_OUT_SEGMENT;
    public static final String STYLESHEET = SurveyPages.STYLESHEET;
    public static final String HTML = "text/html; charset=utf-8";
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    /** Sent with every customer-facing answer, errors included; the stylesheet too. */
    public static final Map<String, String> SECURITY_HEADERS = securityHeaders();
    /** A used, expired, withdrawn or unknown link: gone, and the same for all of them. */
    static final int NOT_ANSWERABLE = 410;
    /** The language of a page that knows no better: the link says nothing, or names no survey. */
    static final Language DEFAULT_LANGUAGE = Language.FI;
    private static final List<String> LANGUAGE_CODES = Arrays.stream(Language.values()).map(Language::code).toList();
    private static final int MAX_ACCEPT_LANGUAGE = 500; // longer is no browser's; not parsed
    private static final String STYLESHEET_RESOURCE = "/survey-assets/survey.css";

    private final OpenSurveyUseCase openSurvey;
    private final SubmitAnswerUseCase submitAnswer;
    private final OptOutBySurveyLinkUseCase optOut;
    private final byte[] stylesheet;

    public SurveyPageRoutes(OpenSurveyUseCase openSurvey, SubmitAnswerUseCase submitAnswer,
            OptOutBySurveyLinkUseCase optOut) {
        this.openSurvey = Objects.requireNonNull(openSurvey);
        this.submitAnswer = Objects.requireNonNull(submitAnswer);
        this.optOut = Objects.requireNonNull(optOut);
        this.stylesheet = readStylesheet();
    }

    public void register(RoutesConfig routes) {
        routes.get(PAGE, this::open);
        routes.post(PAGE, this::submit);
        // The opt-out answer's language links lead here (?lang=sv): show the link as GET /s/{token} does.
        routes.get(OPT_OUT, this::open);
        routes.post(OPT_OUT, this::optOut);
        routes.get(STYLESHEET, this::stylesheet);
    }

    /** A request for a customer's page or its stylesheet: its answers, errors too, are HTML with the page headers. */
    public static boolean isCustomerFacing(String path) {
        return path != null && (path.startsWith("/s/") || path.equals("/s") || path.startsWith("/assets/"));
    }

    /** The page headers; {@code Cache-Control: no-store} is set for every answer before any handler runs. */
    public static void applySecurityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /**
     * A failure on a customer-facing path, answered as a page: never Problem Details, never a stack trace. Its
     * language is the {@code lang} of the query when that names one; the body is not read, as it may be the fault.
     */
    public static void writeErrorPage(Context ctx, int status, Optional<String> errorId) {
        ctx.header("Cache-Control", "no-store");
        write(ctx, status, SurveyPages.error(queryLanguage(ctx).orElse(DEFAULT_LANGUAGE), errorId));
    }

    private void open(Context ctx) {
        Optional<Language> asked = queryLanguage(ctx);
        OpenSurveyUseCase.Result result = openSurvey.open(token(ctx));
        if (result instanceof OpenSurveyUseCase.Answerable answerable) {
            write(ctx, 200, SurveyPages.form(formPage(ctx, answerable, asked, SurveyForm.EMPTY, List.of())));
        } else if (result instanceof OpenSurveyUseCase.NotAnswerable) {
            writeNotAnswerable(ctx, asked);
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void submit(Context ctx) {
        SurveyForm form = SurveyForm.read(ctx);
        List<Mistake> mistakes = form.mistakes();
        if (!mistakes.isEmpty()) {
            showAgain(ctx, form, mistakes);
            return;
        }
        Language language = form.language().orElse(DEFAULT_LANGUAGE);
        SubmitAnswerUseCase.Result result =
                submitAnswer.submit(new SubmitAnswerCommand(token(ctx), form.answer(), language));
        if (result instanceof SubmitAnswerUseCase.Answered answered) {
            write(ctx, 200, SurveyPages.thanks(answered.language(), answered.anonymous()));
        } else if (result instanceof SubmitAnswerUseCase.NotAnswerable) {
            writeNotAnswerable(ctx, form.language());
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    /**
     * The form again, with what the customer typed and what to fix; nothing is submitted. Opening the link (which
     * changes nothing) tells whether it is still answerable, and in which languages and how the form is shown.
     */
    private void showAgain(Context ctx, SurveyForm form, List<Mistake> mistakes) {
        OpenSurveyUseCase.Result result = openSurvey.open(token(ctx));
        if (result instanceof OpenSurveyUseCase.Answerable answerable) {
            write(ctx, 400, SurveyPages.form(formPage(ctx, answerable, form.language(), form, mistakes)));
        } else if (result instanceof OpenSurveyUseCase.NotAnswerable) {
            writeNotAnswerable(ctx, form.language());
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void optOut(Context ctx) {
        Optional<Language> asked = SurveyForm.read(ctx).language();
        OptOutBySurveyLinkUseCase.Result result = optOut.optOut(token(ctx));
        if (result instanceof OptOutBySurveyLinkUseCase.Prohibited prohibited) {
            // In the language the customer was reading, which they may have switched to.
            write(ctx, 200, SurveyPages.optedOut(asked.orElse(prohibited.language())));
        } else if (result instanceof OptOutBySurveyLinkUseCase.NotAnswerable) {
            writeNotAnswerable(ctx, asked);
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void stylesheet(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.status(200).contentType("text/css; charset=utf-8").result(stylesheet);
    }

    /** The page's language: the one asked for if the survey offers it, else the invitation's. */
    private static FormPage formPage(Context ctx, OpenSurveyUseCase.Answerable answerable, Optional<Language> asked,
            SurveyForm input, List<Mistake> mistakes) {
        Language language = asked.filter(answerable.languages()::contains).orElse(answerable.language());
        return new FormPage(token(ctx), language, answerable.languages(), answerable.anonymous(), input, mistakes);
    }

    /**
     * Depends on the language alone, so a GET, an answer and an opt-out with any such token get the same bytes. No
     * invitation tells the language here, so without one asked for it is the browser's (its Accept-Language), else
     * Finnish: a Swedish-speaking customer opening a link already answered reads why in Swedish.
     */
    private static void writeNotAnswerable(Context ctx, Optional<Language> asked) {
        Language language = asked.or(() -> browserLanguage(ctx.header("Accept-Language"))).orElse(DEFAULT_LANGUAGE);
        write(ctx, NOT_ANSWERABLE, SurveyPages.notAnswerable(language));
    }

    /** The language of ours the header prefers most (RFC 4647 lookup: sv-FI finds sv); none if none or malformed. */
    static Optional<Language> browserLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > MAX_ACCEPT_LANGUAGE) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGE_CODES))
                    .flatMap(SurveyForm::languageOf);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<Language> queryLanguage(Context ctx) {
        return SurveyForm.single(ctx.queryParamMap(), SurveyForm.LANG).flatMap(SurveyForm::languageOf);
    }

    /** The token exactly as it came; see the class comment. */
    private static String token(Context ctx) {
        return ctx.pathParam("token");
    }

    private static void write(Context ctx, int status, byte[] page) {
        applySecurityHeaders(ctx);
        ctx.status(status).contentType(HTML).result(page);
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        return Collections.unmodifiableMap(headers);
    }

    private static byte[] readStylesheet() {
        try (InputStream in = SurveyPageRoutes.class.getResourceAsStream(STYLESHEET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the survey stylesheet cannot be read", e);
        }
    }
}
