package fi.palaute.application.port.in.partner;

import fi.palaute.domain.partner.Partner;

public sealed interface CreatePartnerResult {

    record Created(Partner partner) implements CreatePartnerResult {
    }

    /** A partner with this id exists already; nothing was changed. */
    record AlreadyExists(Partner existing) implements CreatePartnerResult {
    }
}
