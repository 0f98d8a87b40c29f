package fi.palaute.application.port.in.partner;

import fi.palaute.domain.partner.Partner;
import java.util.List;

@FunctionalInterface
public interface ListPartnersUseCase {

    /** Every partner, by id. */
    List<Partner> list();
}
