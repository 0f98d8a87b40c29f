package fi.palaute.application.port.in.partner;

import fi.palaute.application.port.in.access.IssuedApiKey;

public sealed interface CreatePartnerKeyResult {

    /** The key's text is in {@code issued} this once and never again. */
    record Created(IssuedApiKey issued) implements CreatePartnerKeyResult {
    }

    record NoSuchPartner() implements CreatePartnerKeyResult {
    }
}
