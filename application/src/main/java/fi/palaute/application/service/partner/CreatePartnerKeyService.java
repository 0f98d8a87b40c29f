package fi.palaute.application.service.partner;

import fi.palaute.application.port.in.access.CreateApiKeyCommand;
import fi.palaute.application.port.in.access.CreateApiKeyUseCase;
import fi.palaute.application.port.in.partner.CreatePartnerKeyCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyResult;
import fi.palaute.application.port.in.partner.CreatePartnerKeyUseCase;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.Role;
import java.util.Objects;
import java.util.Optional;

/** A PARTNER key for a registered partner only, so every partner key names a partner that exists. */
public final class CreatePartnerKeyService implements CreatePartnerKeyUseCase {

    private final TransactionRunner transactions;
    private final PartnerRepository partners;
    private final CreateApiKeyUseCase createApiKey;

    public CreatePartnerKeyService(
            TransactionRunner transactions, PartnerRepository partners, CreateApiKeyUseCase createApiKey) {
        this.transactions = Objects.requireNonNull(transactions);
        this.partners = Objects.requireNonNull(partners);
        this.createApiKey = Objects.requireNonNull(createApiKey);
    }

    @Override
    public CreatePartnerKeyResult create(CreatePartnerKeyCommand command) {
        return transactions.inTransaction(() -> {
            if (partners.find(command.partnerId()).isEmpty()) {
                return new CreatePartnerKeyResult.NoSuchPartner();
            }
            return new CreatePartnerKeyResult.Created(createApiKey.create(new CreateApiKeyCommand(
                    Role.PARTNER, Optional.of(command.partnerId()), command.label(), command.budget())));
        });
    }
}
