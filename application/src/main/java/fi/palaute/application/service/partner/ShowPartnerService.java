package fi.palaute.application.service.partner;

import fi.palaute.application.port.in.partner.ShowPartnerUseCase;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import java.util.Objects;
import java.util.Optional;

public final class ShowPartnerService implements ShowPartnerUseCase {

    private final PartnerRepository partners;

    public ShowPartnerService(PartnerRepository partners) {
        this.partners = Objects.requireNonNull(partners);
    }

    @Override
    public Optional<Partner> show(PartnerId partnerId) {
        return partners.find(partnerId);
    }
}
