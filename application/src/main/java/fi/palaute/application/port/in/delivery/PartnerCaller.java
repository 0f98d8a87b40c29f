package fi.palaute.application.port.in.delivery;

import fi.palaute.domain.access.PartnerId;
import java.util.Objects;

/** Who is asking: the partner the key is bound to, and the key itself, for the audit log. */
public record PartnerCaller(PartnerId partnerId, String keyId) {

    public PartnerCaller {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(keyId, "keyId");
    }
}
