package fi.palaute.adapters.http.dashboard;

import fi.palaute.adapters.http.access.RequestBudgets;
import fi.palaute.adapters.http.dashboard.DashboardPages.SignIn;
import fi.palaute.adapters.http.problem.InvalidParam;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.adapters.http.report.NpsReportParams;
import fi.palaute.adapters.http.report.NpsReportView;
import fi.palaute.adapters.http.report.ReportRoutes;
import fi.palaute.application.port.in.report.CloseDashboardSessionUseCase;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.OpenDashboardSessionUseCase;
import fi.palaute.application.port.in.report.ResumeDashboardSessionUseCase;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.access.SessionSecret;
import fi.palaute.domain.access.TokenBucket;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.survey.Language;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The analysts' dashboard (R-REPORT): NPS over time per channel, with the margin as a band and suppressed cells as
 * gaps, a table of the same figures, and the same data as CSV. Server-rendered in fi, sv and en; the chart is drawn
 * by one script from this host with Chart.js from its webjar, also on this host.
 * <p>
 * Signing in exchanges an ANALYST key, posted in a form and never in an address, for a session whose secret goes
 * into an {@code HttpOnly}, {@code SameSite=Strict} cookie limited to {@code /dashboard}; the key is not kept. Every
 * dashboard route is authorised by that cookie alone: a bearer key opens nothing here, and the cookie opens nothing
 * under {@code /api}. Requests in a session spend the key's request budget, as the API does.
 * <p>
 * Every answer under {@code /dashboard} and {@code /webjars} carries {@code Cache-Control: no-store},
 * {@code Referrer-Policy: no-referrer}, {@code X-Content-Type-Options: nosniff} and {@link #CSP}, which allows no
 * inline script or style. The data route answers its errors as Problem Details, the CSV route as plain text, and
 * every other dashboard route as a page.
 */
public final class DashboardRoutes {

    public static final String PAGE = "/dashboard";
    public static final String SIGN_IN = PAGE + "/session";
    public static final String SIGN_OUT = SIGN_IN + "/close";
    public static final String DATA = PAGE + "/data/nps";
    public static final String CSV = PAGE + "/nps.csv";
    public static final String SCRIPT = PAGE + "/assets/dashboard.js";
    public static final String STYLESHEET = PAGE + "/assets/dashboard.css";
    public static final String CHART_JS = DashboardAssets.CHART_JS_PATH;
    public static final String HTML = "text/html; charset=utf-8";
    public static final String PLAIN = "text/plain; charset=utf-8";
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    public static final Map<String, String> SECURITY_HEADERS = securityHeaders();
    /** The longest key sent to be checked; longer is no key of ours (keys are 47 characters). */
    static final int MAX_KEY_LENGTH = 200;
    /** What the dashboard shows when opened without a report's parameters: 12 months by channel. */
    static final int DEFAULT_MONTHS = 12;
    static final List<Dimension> DEFAULT_BY = List.of(Dimension.CHANNEL);
    private static final ZoneId FINNISH_TIME = ZoneId.of("Europe/Helsinki");
    private static final Set<String> PAGE_PARAMS = Set.of(NpsReportParams.PERIOD, NpsReportParams.FROM,
            NpsReportParams.TO, NpsReportParams.BY);

    private final ShowNpsReportUseCase showNpsReport;
    private final OpenDashboardSessionUseCase openSession;
    private final ResumeDashboardSessionUseCase resumeSession;
    private final CloseDashboardSessionUseCase closeSession;
    private final RequestBudgets budgets;
    private final Clock clock;
    private final DashboardAssets assets = new DashboardAssets();

    public DashboardRoutes(ShowNpsReportUseCase showNpsReport, OpenDashboardSessionUseCase openSession,
            ResumeDashboardSessionUseCase resumeSession, CloseDashboardSessionUseCase closeSession,
            RequestBudgets budgets, Clock clock) {
        this.showNpsReport = Objects.requireNonNull(showNpsReport);
        this.openSession = Objects.requireNonNull(openSession);
        this.resumeSession = Objects.requireNonNull(resumeSession);
        this.closeSession = Objects.requireNonNull(closeSession);
        this.budgets = Objects.requireNonNull(budgets);
        this.clock = Objects.requireNonNull(clock);
    }

    public void register(RoutesConfig routes) {
        routes.get(PAGE, this::page);
        routes.post(SIGN_IN, this::signIn);
        routes.post(SIGN_OUT, this::signOut);
        routes.get(DATA, this::data);
        routes.get(CSV, this::csv);
        routes.get(SCRIPT, ctx -> asset(ctx, "text/javascript; charset=utf-8", assets.script));
        routes.get(STYLESHEET, ctx -> asset(ctx, "text/css; charset=utf-8", assets.stylesheet));
        routes.get(CHART_JS, ctx -> asset(ctx, "text/javascript; charset=utf-8", assets.chartJs));
    }

    /** A request for the dashboard or the files it loads: its answers, errors too, carry the dashboard headers. */
    public static boolean isDashboard(String path) {
        return path != null && (path.equals(PAGE) || path.startsWith(PAGE + "/") || path.startsWith("/webjars/"));
    }

    public static void applySecurityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * Answers a failure on a dashboard path in the route's own kind, and says whether it did: the data route's
     * failures are left to the Problem Details handler; the CSV route answers plain text; every other dashboard
     * path a page in the language of its {@code lang}. Never a stack trace.
     */
    public static boolean writeError(Context ctx, int status, Optional<String> errorId) {
        if (!isDashboard(ctx.path()) || ctx.path().startsWith(PAGE + "/data/")) {
            return false;
        }
        applySecurityHeaders(ctx);
        if (ctx.path().equals(CSV)) {
            ProblemType type = ProblemType.forStatus(status);
            plain(ctx, status, type.title() + errorId.map(id -> " (error id " + id + ")").orElse("") + "\n");
        } else {
            write(ctx, status, DashboardPages.error(queryLanguage(ctx), status, errorId));
        }
        return true;
    }

    // --- signing in and out

    private void signIn(Context ctx) {
        Language language = formLanguage(ctx);
        if (!DashboardSession.fromThisSite(ctx)) {
            write(ctx, 403, DashboardPages.signIn(language, SignIn.CROSS_SITE));
            return;
        }
        List<String> keys = ctx.formParams(DashboardPages.API_KEY);
        String key = keys.size() == 1 ? keys.get(0).trim() : "";
        if (key.isEmpty()) {
            write(ctx, 400, DashboardPages.signIn(language, SignIn.MISSING));
            return;
        }
        OpenDashboardSessionUseCase.Result result = key.length() > MAX_KEY_LENGTH
                ? new OpenDashboardSessionUseCase.Refused() : openSession.open(ApiKeySecret.presented(key));
        if (result instanceof OpenDashboardSessionUseCase.Opened opened) {
            ctx.header("Set-Cookie", DashboardSession.setCookie(opened.secret().text(), clock.instant(),
                    opened.expiresAt(), DashboardSession.overHttps(ctx)));
            seeOther(ctx, language);
        } else if (result instanceof OpenDashboardSessionUseCase.Refused) {
            write(ctx, 401, DashboardPages.signIn(language, SignIn.REFUSED));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void signOut(Context ctx) {
        Language language = formLanguage(ctx);
        if (!DashboardSession.fromThisSite(ctx)) {
            write(ctx, 403, DashboardPages.signIn(language, SignIn.CROSS_SITE));
            return;
        }
        DashboardSession.presented(ctx).ifPresent(secret -> closeSession.close(SessionSecret.presented(secret)));
        ctx.header("Set-Cookie", DashboardSession.clearCookie(DashboardSession.overHttps(ctx)));
        seeOther(ctx, language);
    }

    private static void seeOther(Context ctx, Language language) {
        ctx.status(303).header("Location", PAGE + "?lang=" + language.code());
    }

    // --- the page, its data and its CSV

    private void page(Context ctx) {
        Language language = queryLanguage(ctx);
        Optional<ApiKey> analyst = analyst(ctx);
        if (analyst.isEmpty()) {
            if (DashboardSession.presented(ctx).isPresent()) { // ended or unknown: let the browser forget it
                ctx.header("Set-Cookie", DashboardSession.clearCookie(DashboardSession.overHttps(ctx)));
            }
            write(ctx, 200, DashboardPages.signIn(language, SignIn.FRESH));
            return;
        }
        if (!admitted(ctx, analyst.get())) {
            write(ctx, 429, DashboardPages.error(language, 429, Optional.empty()));
            return;
        }
        Map<String, List<String>> query = ctx.queryParamMap();
        NpsReportParams.Parsed parsed = PAGE_PARAMS.stream().anyMatch(query::containsKey)
                ? NpsReportParams.parse(query) : defaultReport();
        if (parsed instanceof NpsReportParams.Valid valid) {
            NpsReportView view = ReportRoutes.report(showNpsReport, valid.query());
            write(ctx, 200, DashboardPages.dashboard(language, valid.raw(), Optional.of(view), List.of()));
        } else if (parsed instanceof NpsReportParams.Invalid invalid) {
            write(ctx, 400, DashboardPages.dashboard(language, invalid.raw(), Optional.empty(), invalid.mistakes()));
        } else {
            throw new IllegalStateException("unknown result " + parsed.getClass());
        }
    }

    /** The JSON the chart is drawn from: as {@code GET /api/v1/reports/nps}, authorised by the session. */
    private void data(Context ctx) {
        ApiKey analyst = analyst(ctx).orElseThrow(() -> new ProblemException(
                Problem.of(ProblemType.UNAUTHORIZED, "Sign in to the dashboard at " + PAGE + ".")));
        if (!admitted(ctx, analyst)) {
            throw new ProblemException(Problem.of(ProblemType.RATE_LIMITED));
        }
        ReportRoutes.writeJson(ctx, ReportRoutes.report(showNpsReport, ReportRoutes.requireQuery(ctx)));
    }

    /** As {@code GET /api/v1/reports/nps.csv}, authorised by the session; its errors are plain text. */
    private void csv(Context ctx) {
        Optional<ApiKey> analyst = analyst(ctx);
        if (analyst.isEmpty()) {
            plain(ctx, 401, "Sign in to the dashboard at " + PAGE + " first.\n");
            return;
        }
        if (!admitted(ctx, analyst.get())) {
            plain(ctx, 429, ProblemType.RATE_LIMITED.title() + "\n");
            return;
        }
        Map<String, List<String>> query = ctx.queryParamMap();
        List<InvalidParam> unknown = NpsReportParams.unknown(query, NpsReportParams.NAMES);
        NpsReportParams.Parsed parsed = NpsReportParams.parse(query);
        if (!unknown.isEmpty() || parsed instanceof NpsReportParams.Invalid) {
            List<InvalidParam> mistakes = new java.util.ArrayList<>(unknown);
            if (parsed instanceof NpsReportParams.Invalid invalid) {
                mistakes.addAll(invalid.mistakes());
            }
            plain(ctx, 400, ProblemType.VALIDATION.title() + ":\n" + mistakes.stream()
                    .map(m -> m.name() + ": " + m.reason()).collect(Collectors.joining("\n")) + "\n");
            return;
        }
        NpsReportQuery reportQuery = ((NpsReportParams.Valid) parsed).query();
        ReportRoutes.writeCsv(ctx, ReportRoutes.report(showNpsReport, reportQuery));
    }

    /** The key behind the request's session cookie, if there is a live session and its key is an analyst's. */
    private Optional<ApiKey> analyst(Context ctx) {
        return DashboardSession.presented(ctx)
                .flatMap(secret -> resumeSession.resume(SessionSecret.presented(secret)))
                .filter(key -> key.role() == Role.ANALYST);
    }

    private boolean admitted(Context ctx, ApiKey key) {
        TokenBucket.Admission admission = budgets.admit(key);
        if (!admission.admitted()) {
            ctx.header("Retry-After", Long.toString(admission.retryAfterSeconds()));
        }
        return admission.admitted();
    }

    /** The last {@value #DEFAULT_MONTHS} months in Finnish time, this one included, by channel. */
    private NpsReportParams.Parsed defaultReport() {
        LocalDate today = LocalDate.now(clock.withZone(FINNISH_TIME));
        Period to = Period.containing(PeriodKind.MONTH, today);
        Period from = Period.containing(PeriodKind.MONTH, today.minusMonths(DEFAULT_MONTHS - 1L).withDayOfMonth(1));
        NpsReportQuery query = new NpsReportQuery(PeriodKind.MONTH, from, to, DEFAULT_BY);
        NpsReportParams.Raw raw = new NpsReportParams.Raw(Optional.of(PeriodKind.MONTH.name()),
                Optional.of(from.key()), Optional.of(to.key()), Optional.of(NpsReportParams.byText(DEFAULT_BY)));
        return new NpsReportParams.Valid(raw, query);
    }

    private static void asset(Context ctx, String contentType, byte[] bytes) {
        ctx.status(200).contentType(contentType).result(bytes);
    }

    private static Language queryLanguage(Context ctx) {
        return language(ctx.queryParams(DashboardPages.LANG));
    }

    private static Language formLanguage(Context ctx) {
        List<String> fromForm = ctx.formParams(DashboardPages.LANG);
        return fromForm.isEmpty() ? queryLanguage(ctx) : language(fromForm);
    }

    private static Language language(List<String> values) {
        if (values.size() == 1) {
            for (Language language : Language.values()) {
                if (language.code().equals(values.get(0))) {
                    return language;
                }
            }
        }
        return Language.FI;
    }

    private static void write(Context ctx, int status, byte[] page) {
        applySecurityHeaders(ctx);
        ctx.status(status).contentType(HTML).result(page);
    }

    private static void plain(Context ctx, int status, String text) {
        ctx.status(status).contentType(PLAIN).result(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        return Collections.unmodifiableMap(headers);
    }
}
