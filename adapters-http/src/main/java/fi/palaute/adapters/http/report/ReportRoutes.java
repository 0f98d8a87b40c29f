package fi.palaute.adapters.http.report;

import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.InvalidParam;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase;
import fi.palaute.domain.access.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The reporting API (R-REPORT, R-KANON), for ANALYST keys: NPS per whole period and breakdown, as JSON or CSV.
 * Summaries only: no answer and no comment is ever in a report, and a suppressed cell carries no number.
 */
public final class ReportRoutes {

    public static final String NPS = "/api/v1/reports/nps";
    public static final String NPS_CSV = "/api/v1/reports/nps.csv";

    private final ShowNpsReportUseCase showNpsReport;

    public ReportRoutes(ShowNpsReportUseCase showNpsReport) {
        this.showNpsReport = Objects.requireNonNull(showNpsReport);
    }

    public void register(RoutesConfig routes) {
        routes.get(NPS, this::json, RequiredRole.anyOf(Role.ANALYST));
        routes.get(NPS_CSV, this::csv, RequiredRole.anyOf(Role.ANALYST));
    }

    private void json(Context ctx) {
        writeJson(ctx, report(showNpsReport, requireQuery(ctx)));
    }

    private void csv(Context ctx) {
        writeCsv(ctx, report(showNpsReport, requireQuery(ctx)));
    }

    /** The report's query from the request's parameters, or a 400 naming every failing one; others are refused. */
    public static NpsReportQuery requireQuery(Context ctx) {
        List<InvalidParam> unknown = NpsReportParams.unknown(ctx.queryParamMap(), NpsReportParams.NAMES);
        if (!unknown.isEmpty()) {
            throw new ProblemException(Problem.invalid(unknown));
        }
        return NpsReportParams.require(ctx.queryParamMap());
    }

    public static NpsReportView report(ShowNpsReportUseCase useCase, NpsReportQuery query) {
        return NpsReportView.of(useCase.show(query));
    }

    public static void writeJson(Context ctx, NpsReportView view) {
        StrictJson.write(ctx, 200, NpsReportJson.of(view));
    }

    public static void writeCsv(Context ctx, NpsReportView view) {
        ctx.header("Content-Disposition", NpsCsv.contentDisposition(view));
        ctx.status(200).contentType(NpsCsv.CONTENT_TYPE).result(NpsCsv.write(view));
    }
}
