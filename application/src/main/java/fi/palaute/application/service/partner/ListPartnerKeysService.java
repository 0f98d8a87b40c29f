package fi.palaute.application.service.partner;

import fi.palaute.application.port.in.partner.ListPartnerKeysUseCase;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.PartnerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListPartnerKeysService implements ListPartnerKeysUseCase {

    private final PartnerRepository partners;
    private final ApiKeyRepository keys;

    public ListPartnerKeysService(PartnerRepository partners, ApiKeyRepository keys) {
        this.partners = Objects.requireNonNull(partners);
        this.keys = Objects.requireNonNull(keys);
    }

    @Override
    public Optional<List<ApiKey>> list(PartnerId partnerId) {
        return partners.find(partnerId).map(partner -> keys.findByPartner(partnerId));
    }
}
