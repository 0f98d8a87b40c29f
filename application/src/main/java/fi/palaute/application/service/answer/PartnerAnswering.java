package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.survey.Deliverer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What a partner's phone answer and on-site acceptance share: finding the partner's own invitation and auditing.
 * The invitation is read, not locked: the customer lock comes first (as a prohibition takes it), then the
 * conditional use decides, so the two never wait on each other in opposite order.
 */
final class PartnerAnswering {

    private PartnerAnswering() {
    }

    static Optional<Invitation> findOwn(AnswerStores stores, PartnerCaller caller, String invitationId) {
        return stores.invitations().find(invitationId)
                .filter(invitation -> invitation.deliverer() instanceof Deliverer.Partner partner
                        && partner.partnerId().equals(caller.partnerId()));
    }

    /**
     * Ids only, and only of the partner's own invitation: an id that found nothing is not written. Not found, or
     * found and recorded, or found and refused.
     */
    static void audit(AnswerStores stores, Clock clock, PartnerCaller caller, AuditEntry.Action action,
            Optional<Invitation> invitation, boolean recorded) {
        AuditEntry.Outcome outcome = invitation.isEmpty() ? AuditEntry.Outcome.NOT_FOUND
                : recorded ? AuditEntry.Outcome.OK : AuditEntry.Outcome.REFUSED;
        stores.audit().append(new AuditEntry(Ids.newId(clock), Optional.of(caller.partnerId()), caller.keyId(),
                action, invitation.map(found -> List.of(found.id())).orElse(List.of()), clock.instant(), outcome));
    }
}
