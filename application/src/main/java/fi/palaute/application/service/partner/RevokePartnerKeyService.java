package fi.palaute.application.service.partner;

import fi.palaute.application.port.in.partner.RevokePartnerKeyCommand;
import fi.palaute.application.port.in.partner.RevokePartnerKeyUseCase;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.TransactionRunner;
import java.time.Clock;
import java.util.Objects;

public final class RevokePartnerKeyService implements RevokePartnerKeyUseCase {

    private final TransactionRunner transactions;
    private final ApiKeyRepository keys;
    private final Clock clock;

    public RevokePartnerKeyService(TransactionRunner transactions, ApiKeyRepository keys, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public boolean revoke(RevokePartnerKeyCommand command) {
        return transactions.inTransaction(
                () -> keys.revoke(command.keyId(), command.partnerId(), clock.instant()));
    }
}
