package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.partner.AuditEntry;
import java.util.List;

/** R-PROCESSOR: what partners did, for the survey team's admins; read-only. */
@FunctionalInterface
public interface QueryAuditLogUseCase {

    List<AuditEntry> query(QueryAuditLogQuery query);
}
