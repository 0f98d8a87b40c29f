package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.out.AuditLog;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.shared.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes what a partner did (R-PROCESSOR). Record ids are only ever ids of the partner's own invitations: an id
 * that found nothing is not written, since a partner could put anything in a path, contact points included.
 */
final class PartnerAudit {

    private PartnerAudit() {
    }

    static void record(AuditLog audit, Clock clock, PartnerCaller caller, AuditEntry.Action action,
            List<String> recordIds, AuditEntry.Outcome outcome) {
        audit.append(new AuditEntry(Ids.newId(clock), Optional.of(caller.partnerId()), caller.keyId(), action, recordIds,
                clock.instant(), outcome));
    }
}
