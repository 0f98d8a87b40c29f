package fi.palaute.application.port.in.access;

import fi.palaute.domain.access.ApiKey;
import java.util.Optional;

/** An admin gives one key a different request budget (an event source sending batches needs more). */
@FunctionalInterface
public interface ChangeApiKeyBudgetUseCase {

    /** The key as changed, or empty when there is no such key. */
    Optional<ApiKey> change(ChangeApiKeyBudgetCommand command);
}
