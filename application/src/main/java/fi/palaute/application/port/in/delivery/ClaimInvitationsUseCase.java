package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.partner.HandedOverInvitation;
import java.util.List;

/**
 * R-NOLOGIN, R-PROCESSOR: hands up to {@code limit} ready invitations to the partner, each with a fresh link made now
 * and returned this once. Concurrent claims never get the same invitation.
 */
@FunctionalInterface
public interface ClaimInvitationsUseCase {

    List<HandedOverInvitation> claim(ClaimInvitationsCommand command);
}
