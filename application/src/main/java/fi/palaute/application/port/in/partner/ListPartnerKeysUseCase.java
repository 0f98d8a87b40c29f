package fi.palaute.application.port.in.partner;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.PartnerId;
import java.util.List;
import java.util.Optional;

@FunctionalInterface
public interface ListPartnerKeysUseCase {

    /** The partner's live keys, oldest first; empty when there is no such partner. */
    Optional<List<ApiKey>> list(PartnerId partnerId);
}
