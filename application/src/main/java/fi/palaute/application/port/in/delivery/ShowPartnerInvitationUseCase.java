package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.partner.PartnerInvitation;
import java.util.Optional;

/** One of the partner's own invitations; another partner's, an unknown and a malformed id are all just empty. */
@FunctionalInterface
public interface ShowPartnerInvitationUseCase {

    Optional<PartnerInvitation> show(PartnerCaller caller, String invitationId);
}
