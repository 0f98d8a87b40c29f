package fi.palaute.application.port.in.partner;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import java.util.Objects;

public record CreatePartnerCommand(PartnerId partnerId, String name) {

    public CreatePartnerCommand {
        Objects.requireNonNull(partnerId, "partnerId");
        name = Partner.validName(name);
    }
}
