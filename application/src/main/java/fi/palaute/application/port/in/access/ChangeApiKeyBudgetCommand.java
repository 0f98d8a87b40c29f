package fi.palaute.application.port.in.access;

import fi.palaute.domain.access.RequestBudget;
import java.util.Objects;

public record ChangeApiKeyBudgetCommand(String keyId, RequestBudget budget) {

    public ChangeApiKeyBudgetCommand {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(budget, "budget");
    }
}
