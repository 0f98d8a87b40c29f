package fi.palaute.adapters.http.delivery;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.application.port.in.delivery.QueryAuditLogQuery;
import fi.palaute.application.port.in.delivery.QueryAuditLogUseCase;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.partner.AuditEntry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * R-PROCESSOR: admins read what partners did, one partner's entries or all, in a time range, a page at a time. The
 * log is read-only: no route changes it.
 */
public final class AuditRoutes {

    public static final String AUDIT = "/api/v1/audit";
    static final int DEFAULT_LIMIT = 100;

    private final QueryAuditLogUseCase queryAuditLog;

    public AuditRoutes(QueryAuditLogUseCase queryAuditLog) {
        this.queryAuditLog = Objects.requireNonNull(queryAuditLog);
    }

    public void register(RoutesConfig routes) {
        routes.get(AUDIT, this::query, RequiredRole.anyOf(Role.ADMIN));
    }

    private void query(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of("partnerId", "from", "to", "after", "limit"));
        Optional<PartnerId> partnerId = RequestParams.query(ctx, "partnerId")
                .map(text -> RequestParams.parse("query.partnerId", text, PartnerId::new));
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("query.to", "must be after from");
        }
        Optional<String> after = RequestParams.after(ctx);
        int limit = RequestParams.limit(ctx, QueryAuditLogQuery.MAX_LIMIT, DEFAULT_LIMIT);
        List<AuditEntry> entries = queryAuditLog.query(new QueryAuditLogQuery(partnerId, from, to, after, limit));
        // The use case gives a list, not a page: a full page may have a following one, a short page is the last.
        String next = entries.size() >= limit ? entries.get(entries.size() - 1).entryId() : null;
        StrictJson.write(ctx, 200, new DeliveryDtos.AuditPage(
                entries.stream().map(DeliveryDtos.AuditEntryView::of).toList(), next));
    }

    private static Instant instant(Context ctx, String name) {
        String where = "query." + name;
        return RequestParams.parse(where, RequestParams.required(where, RequestParams.query(ctx, name).orElse(null)),
                RequestParams::dateTime);
    }
}
