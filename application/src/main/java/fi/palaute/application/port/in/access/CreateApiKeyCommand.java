package fi.palaute.application.port.in.access;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import java.util.Objects;
import java.util.Optional;

public record CreateApiKeyCommand(Role role, Optional<PartnerId> partnerId, String label, RequestBudget budget) {

    public CreateApiKeyCommand {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(budget, "budget");
    }
}
