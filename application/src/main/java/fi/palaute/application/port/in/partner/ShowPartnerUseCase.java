package fi.palaute.application.port.in.partner;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import java.util.Optional;

@FunctionalInterface
public interface ShowPartnerUseCase {

    Optional<Partner> show(PartnerId partnerId);
}
