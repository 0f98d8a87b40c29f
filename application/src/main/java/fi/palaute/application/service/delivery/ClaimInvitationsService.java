package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.ClaimInvitationsCommand;
import fi.palaute.application.port.in.delivery.ClaimInvitationsUseCase;
import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.SurveyLinks;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.invitation.TokenHash;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.HandedOverInvitation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Claims, in one transaction: lock up to the limit of the partner's ready invitations (skipping those another claim
 * holds), give each a fresh token of which only the hash is stored, mark them handed over, and write the audit
 * entry. The tokens exist in memory only until the answer is written.
 */
public final class ClaimInvitationsService implements ClaimInvitationsUseCase {

    private final DeliveryStores stores;
    private final TemplateRepository templates;
    private final SurveyLinks links;
    private final Clock clock;

    public ClaimInvitationsService(DeliveryStores stores, TemplateRepository templates, SurveyLinks links, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.templates = Objects.requireNonNull(templates);
        this.links = Objects.requireNonNull(links);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public List<HandedOverInvitation> claim(ClaimInvitationsCommand command) {
        return stores.transactions().inTransaction(() -> {
            List<Invitation> claimed = stores.invitations().lockReadyForPartner(
                    command.caller().partnerId(), clock.instant(), command.limit());
            HandOvers handOvers = new HandOvers(templates, links);
            Map<String, TokenHash> hashes = new LinkedHashMap<>();
            List<HandedOverInvitation> handedOver = new ArrayList<>(claimed.size());
            for (Invitation invitation : claimed) {
                SurveyToken token = SurveyToken.generate();
                hashes.put(invitation.id(), token.hash());
                handedOver.add(handOvers.of(invitation, token));
            }
            if (!hashes.isEmpty()) {
                stores.invitations().handOver(hashes, clock.instant());
            }
            PartnerAudit.record(stores.audit(), clock, command.caller(), AuditEntry.Action.CLAIM_INVITATIONS,
                    List.copyOf(hashes.keySet()), AuditEntry.Outcome.OK);
            return handedOver;
        });
    }
}
