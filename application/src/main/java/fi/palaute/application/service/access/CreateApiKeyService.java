package fi.palaute.application.service.access;

import fi.palaute.application.port.in.access.CreateApiKeyCommand;
import fi.palaute.application.port.in.access.CreateApiKeyUseCase;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.shared.Ids;
import java.time.Clock;
import java.util.Objects;

public final class CreateApiKeyService implements CreateApiKeyUseCase {

    private final TransactionRunner transactions;
    private final ApiKeyRepository keys;
    private final Clock clock;

    public CreateApiKeyService(TransactionRunner transactions, ApiKeyRepository keys, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public IssuedApiKey create(CreateApiKeyCommand command) {
        return transactions.inTransaction(() -> issue(command));
    }

    /** Makes and stores one key; the caller holds the transaction. */
    IssuedApiKey issue(CreateApiKeyCommand command) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(Ids.newId(clock), secret.hash(), command.role(), command.partnerId(),
                command.label(), command.budget(), clock.instant());
        keys.insert(key);
        return new IssuedApiKey(key, secret);
    }
}
