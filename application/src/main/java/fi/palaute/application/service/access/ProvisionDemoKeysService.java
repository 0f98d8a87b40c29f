package fi.palaute.application.service.access;

import fi.palaute.application.port.in.access.CreateApiKeyCommand;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.application.port.in.access.ProvisionDemoKeysUseCase;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

public final class ProvisionDemoKeysService implements ProvisionDemoKeysUseCase {

    /** The partner the demo PARTNER key is bound to. */
    public static final PartnerId DEMO_PARTNER = new PartnerId("demo-partner");

    private final TransactionRunner transactions;
    private final ApiKeyRepository keys;
    private final CreateApiKeyService creator;

    public ProvisionDemoKeysService(TransactionRunner transactions, ApiKeyRepository keys, CreateApiKeyService creator) {
        this.transactions = Objects.requireNonNull(transactions);
        this.keys = Objects.requireNonNull(keys);
        this.creator = Objects.requireNonNull(creator);
    }

    @Override
    public List<IssuedApiKey> provisionIfEmpty() {
        return transactions.inTransaction(() -> {
            if (!keys.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(Role.values()).map(role -> creator.issue(new CreateApiKeyCommand(
                    role,
                    role == Role.PARTNER ? Optional.of(DEMO_PARTNER) : Optional.empty(),
                    "demo " + role.name().toLowerCase(Locale.ROOT),
                    RequestBudget.DEFAULT))).toList();
        });
    }
}
