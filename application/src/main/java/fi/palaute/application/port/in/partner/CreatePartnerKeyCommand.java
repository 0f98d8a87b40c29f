package fi.palaute.application.port.in.partner;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import java.util.Objects;

public record CreatePartnerKeyCommand(PartnerId partnerId, String label, RequestBudget budget) {

    public CreatePartnerKeyCommand {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(budget, "budget");
        if (label.length() > ApiKey.MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label must be at most " + ApiKey.MAX_LABEL_LENGTH + " characters");
        }
    }
}
