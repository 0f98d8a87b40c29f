package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.ReissueInvitationUseCase;
import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.SurveyLinks;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.partner.AuditEntry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A new token replaces the old one in the same statement, so the old link stops working when this commits. */
public final class ReissueInvitationService implements ReissueInvitationUseCase {

    private final DeliveryStores stores;
    private final TemplateRepository templates;
    private final SurveyLinks links;
    private final Clock clock;

    public ReissueInvitationService(DeliveryStores stores, TemplateRepository templates, SurveyLinks links, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.templates = Objects.requireNonNull(templates);
        this.links = Objects.requireNonNull(links);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result reissue(PartnerCaller caller, String invitationId) {
        return stores.transactions().inTransaction(() -> {
            Optional<Invitation> found = stores.invitations().lockForPartner(caller.partnerId(), invitationId);
            if (found.isEmpty()) {
                PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.REISSUE_INVITATION, List.of(),
                        AuditEntry.Outcome.NOT_FOUND);
                return new NotFound();
            }
            Invitation invitation = found.get();
            if (invitation.state() != InvitationState.HANDED_OVER || !invitation.expiresAt().isAfter(clock.instant())) {
                PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.REISSUE_INVITATION,
                        List.of(invitation.id()), AuditEntry.Outcome.REFUSED);
                return new NotReissuable(invitation.expiresAt().isAfter(clock.instant())
                        ? invitation.state() : InvitationState.EXPIRED);
            }
            SurveyToken token = SurveyToken.generate();
            stores.invitations().replaceToken(invitation.id(), token.hash(), clock.instant());
            PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.REISSUE_INVITATION,
                    List.of(invitation.id()), AuditEntry.Outcome.OK);
            return new Reissued(new HandOvers(templates, links).of(invitation, token));
        });
    }
}
