package fi.palaute.application.service.access;

import fi.palaute.application.port.in.access.ChangeApiKeyBudgetCommand;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetUseCase;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.ApiKey;
import java.util.Objects;
import java.util.Optional;

public final class ChangeApiKeyBudgetService implements ChangeApiKeyBudgetUseCase {

    private final TransactionRunner transactions;
    private final ApiKeyRepository keys;

    public ChangeApiKeyBudgetService(TransactionRunner transactions, ApiKeyRepository keys) {
        this.transactions = Objects.requireNonNull(transactions);
        this.keys = Objects.requireNonNull(keys);
    }

    @Override
    public Optional<ApiKey> change(ChangeApiKeyBudgetCommand command) {
        return transactions.inTransaction(() -> keys.updateBudget(command.keyId(), command.budget()));
    }
}
