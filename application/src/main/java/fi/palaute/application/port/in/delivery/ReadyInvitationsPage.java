package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.partner.PartnerInvitation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page; {@code next} is the cursor for the following page, absent on the last. */
public record ReadyInvitationsPage(List<PartnerInvitation> invitations, Optional<String> next) {

    public ReadyInvitationsPage {
        invitations = List.copyOf(invitations);
        Objects.requireNonNull(next, "next");
    }
}
