package fi.palaute.adapters.http;

import fi.palaute.adapters.http.access.ApiKeyRoutes;
import fi.palaute.adapters.http.access.BearerAuthentication;
import fi.palaute.adapters.http.access.RequestBudgets;
import fi.palaute.adapters.http.answer.PartnerAnswerRoutes;
import fi.palaute.adapters.http.answer.SurveyPageRoutes;
import fi.palaute.adapters.http.consent.ProhibitionRoutes;
import fi.palaute.adapters.http.dashboard.DashboardRoutes;
import fi.palaute.adapters.http.delivery.AuditRoutes;
import fi.palaute.adapters.http.erasure.ErasureRoutes;
import fi.palaute.adapters.http.followup.FollowUpRoutes;
import fi.palaute.adapters.http.delivery.PartnerDeliveryRoutes;
import fi.palaute.adapters.http.health.HealthRoutes;
import fi.palaute.adapters.http.invitation.FunnelRoutes;
import fi.palaute.adapters.http.invitation.ServiceEventRoutes;
import fi.palaute.adapters.http.invitation.StudyRoutes;
import fi.palaute.adapters.http.partner.PartnerRoutes;
import fi.palaute.adapters.http.report.ReportRoutes;
import fi.palaute.adapters.http.survey.SurveyRoutes;
import fi.palaute.adapters.http.survey.TemplateRoutes;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin application: routes, authentication, and the one place where every failure becomes an
 * RFC 9457 Problem Details answer. Nothing a client sends can produce a stack trace in a response.
 */
public final class HttpAdapter {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(HttpAdapter.class);

    private HttpAdapter() {
    }

    public static Javalin create(HttpUseCases useCases, HttpSettings settings) {
        byte[] openApiJson = OpenApiDocument.asJson();
        // One budget per key, spent alike by its bearer requests and by its dashboard session's requests.
        RequestBudgets budgets = new RequestBudgets(settings.nanoTime());
        BearerAuthentication authentication = new BearerAuthentication(useCases.authenticateApiKey(), budgets);
        DashboardRoutes dashboard = new DashboardRoutes(useCases.showNpsReport(), useCases.openDashboardSession(),
                useCases.resumeDashboardSession(), useCases.closeDashboardSession(), budgets, settings.clock());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false; // or the JVM lingers 5 s after stop()
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> {
                // SIGTERM: stop taking new requests, let those in flight finish, then stop.
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(settings.stopGrace().toMillis());
                server.setErrorHandler(new ProblemErrorHandler());
            });

            config.routes.before(ctx -> {
                ctx.header("Cache-Control", "no-store");
                ctx.header("X-Content-Type-Options", "nosniff");
                if (SurveyPageRoutes.isCustomerFacing(ctx.path())) {
                    SurveyPageRoutes.applySecurityHeaders(ctx);
                }
                if (DashboardRoutes.isDashboard(ctx.path())) {
                    DashboardRoutes.applySecurityHeaders(ctx);
                }
                refuseDeclaredOversizedBody(ctx, settings.maxBodyBytes());
            });
            config.routes.beforeMatched(authentication);

            new HealthRoutes(useCases.checkHealth()).register(config.routes);
            config.routes.get("/openapi.json", ctx -> ctx.contentType(StrictJson.JSON).result(openApiJson));
            // Browsers ask for it by themselves on every page: no icon, said without a 404 in logs and consoles.
            config.routes.get("/favicon.ico", ctx -> ctx.status(204).header("Cache-Control", "max-age=86400"));
            new ApiKeyRoutes(useCases.listApiKeys(), useCases.changeApiKeyBudget()).register(config.routes);
            new ProhibitionRoutes(useCases.setProhibition(), useCases.liftProhibition(),
                    useCases.showProhibition(), useCases.showProhibitionHistory()).register(config.routes);
            new PartnerRoutes(useCases.createPartner(), useCases.listPartners(), useCases.showPartner(),
                    useCases.createPartnerKey(), useCases.listPartnerKeys(), useCases.revokePartnerKey())
                    .register(config.routes);
            new SurveyRoutes(useCases.createSurvey(), useCases.listSurveys(), useCases.showSurvey(),
                    useCases.changeSurvey()).register(config.routes);
            new TemplateRoutes(useCases.saveTemplate(), useCases.showTemplate()).register(config.routes);
            new StudyRoutes(useCases.startStudy()).register(config.routes);
            new FunnelRoutes(useCases.showFunnel()).register(config.routes);
            new ServiceEventRoutes(useCases.recordServiceEvents()).register(config.routes);
            new PartnerDeliveryRoutes(useCases.listReadyInvitations(), useCases.claimInvitations(),
                    useCases.showPartnerInvitation(), useCases.reissueInvitation(), useCases.reportDelivery(),
                    useCases.readPartnerChanges()).register(config.routes);
            new AuditRoutes(useCases.queryAuditLog()).register(config.routes);
            new ErasureRoutes(useCases.eraseCustomerSurveyData()).register(config.routes);
            new SurveyPageRoutes(useCases.openSurvey(), useCases.submitAnswer(), useCases.optOutBySurveyLink())
                    .register(config.routes);
            new PartnerAnswerRoutes(useCases.recordPhoneAnswer(), useCases.recordOnsiteAcceptance())
                    .register(config.routes);
            new FollowUpRoutes(useCases.listFollowUps(), useCases.showFollowUp(), useCases.takeFollowUp(),
                    useCases.closeFollowUp()).register(config.routes);
            new ReportRoutes(useCases.showNpsReport()).register(config.routes);
            dashboard.register(config.routes);

            // A customer's page answers its errors as a page (R-NOLOGIN): a browser shows it, and no client of
            // the API reads it.
            config.routes.exception(ProblemException.class, (e, ctx) -> {
                if (SurveyPageRoutes.isCustomerFacing(ctx.path())) {
                    SurveyPageRoutes.writeErrorPage(ctx, e.problem().status(), Optional.empty());
                    return;
                }
                if (DashboardRoutes.writeError(ctx, e.problem().status(), Optional.empty())) {
                    e.headers().forEach(ctx::header);
                    return;
                }
                e.headers().forEach(ctx::header);
                writeProblem(ctx, e.problem());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (SurveyPageRoutes.isCustomerFacing(ctx.path())) {
                    SurveyPageRoutes.writeErrorPage(ctx, e.getStatus(), Optional.empty());
                    return;
                }
                if (DashboardRoutes.writeError(ctx, e.getStatus(), Optional.empty())) {
                    return;
                }
                writeProblem(ctx, Problem.of(ProblemType.forStatus(e.getStatus())));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                String errorId = UUID.randomUUID().toString();
                // The route template, never the path itself: paths hold customer ids and survey tokens.
                LOG.error("Request failed, errorId={} {} {}", errorId, ctx.method(), routeTemplate(ctx), e);
                if (SurveyPageRoutes.isCustomerFacing(ctx.path())) {
                    SurveyPageRoutes.writeErrorPage(ctx, 500, Optional.of(errorId));
                    return;
                }
                if (DashboardRoutes.writeError(ctx, 500, Optional.of(errorId))) {
                    return;
                }
                writeProblem(ctx, Problem.internal(errorId));
            });
            config.router.javaLangErrorHandler((response, error) -> {
                String errorId = UUID.randomUUID().toString();
                LOG.error("Request failed with an Error, errorId={}", errorId, error);
                try {
                    response.setStatus(500);
                    response.setContentType(PROBLEM_JSON);
                    response.getOutputStream().write(StrictJson.mapper().writeValueAsBytes(Problem.internal(errorId)));
                } catch (IOException | IllegalStateException unwritable) {
                    LOG.warn("Could not answer errorId={}", errorId);
                }
            });
        });
    }

    static void writeProblem(Context ctx, Problem problem) {
        StrictJson.write(ctx, problem.status(), problem);
        ctx.contentType(PROBLEM_JSON);
    }

    /** A declared length over the limit is refused before a byte of the body is read. */
    private static void refuseDeclaredOversizedBody(Context ctx, long maxBodyBytes) {
        String declared = ctx.header("Content-Length");
        if (declared == null) {
            return;
        }
        try {
            if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "The limit is " + maxBodyBytes + " bytes."));
            }
        } catch (NumberFormatException malformed) {
            throw new ProblemException(Problem.of(ProblemType.BAD_REQUEST));
        }
    }

    private static String routeTemplate(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }

    /** A Problem body for an error raised outside our handlers, keeping the status Jetty chose. */
    static byte[] problemBytes(int status) {
        ProblemType type = ProblemType.forStatus(status);
        try {
            return StrictJson.mapper().writeValueAsBytes(new Problem(type.uri(), type.title(), status, null, null, null));
        } catch (IOException impossible) {
            return ("{\"type\":\"" + type.uri() + "\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
