package fi.palaute.application.port.in.partner;

import fi.palaute.domain.access.PartnerId;
import java.util.Objects;

public record CreatePartnerCommand(PartnerId partnerId, String name) {

    public CreatePartnerCommand {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(name, "name");
    }
}
