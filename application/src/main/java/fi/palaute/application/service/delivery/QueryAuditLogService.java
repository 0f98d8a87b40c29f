package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.QueryAuditLogQuery;
import fi.palaute.application.port.in.delivery.QueryAuditLogUseCase;
import fi.palaute.application.port.out.AuditLog;
import fi.palaute.domain.partner.AuditEntry;
import java.util.List;
import java.util.Objects;

public final class QueryAuditLogService implements QueryAuditLogUseCase {

    private final AuditLog audit;

    public QueryAuditLogService(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit);
    }

    @Override
    public List<AuditEntry> query(QueryAuditLogQuery query) {
        return audit.find(query.partnerId(), query.from(), query.to(), query.after(), query.limit());
    }
}
