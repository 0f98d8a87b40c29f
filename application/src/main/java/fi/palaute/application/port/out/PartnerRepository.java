package fi.palaute.application.port.out;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import java.util.List;
import java.util.Optional;

public interface PartnerRepository {

    /** Stores the partner unless one with its id exists; true when this call stored it. */
    boolean insertIfAbsent(Partner partner);

    Optional<Partner> find(PartnerId id);

    /** Every partner, by id. */
    List<Partner> findAll();
}
