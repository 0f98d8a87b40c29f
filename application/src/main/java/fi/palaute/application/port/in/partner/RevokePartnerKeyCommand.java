package fi.palaute.application.port.in.partner;

import fi.palaute.domain.access.PartnerId;
import java.util.Objects;

public record RevokePartnerKeyCommand(PartnerId partnerId, String keyId) {

    public RevokePartnerKeyCommand {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(keyId, "keyId");
    }
}
