package fi.palaute.application.service.partner;

import fi.palaute.application.port.in.partner.ListPartnersUseCase;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.domain.partner.Partner;
import java.util.List;
import java.util.Objects;

public final class ListPartnersService implements ListPartnersUseCase {

    private final PartnerRepository partners;

    public ListPartnersService(PartnerRepository partners) {
        this.partners = Objects.requireNonNull(partners);
    }

    @Override
    public List<Partner> list() {
        return partners.findAll();
    }
}
