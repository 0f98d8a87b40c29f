package fi.palaute.application.service.partner;

import fi.palaute.application.port.in.partner.CreatePartnerCommand;
import fi.palaute.application.port.in.partner.CreatePartnerResult;
import fi.palaute.application.port.in.partner.CreatePartnerUseCase;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.partner.Partner;
import java.time.Clock;
import java.util.Objects;

public final class CreatePartnerService implements CreatePartnerUseCase {

    private final TransactionRunner transactions;
    private final PartnerRepository partners;
    private final Clock clock;

    public CreatePartnerService(TransactionRunner transactions, PartnerRepository partners, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.partners = Objects.requireNonNull(partners);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public CreatePartnerResult create(CreatePartnerCommand command) {
        return transactions.inTransaction(() -> {
            Partner partner = new Partner(command.partnerId(), command.name(), clock.instant());
            if (partners.insertIfAbsent(partner)) {
                return new CreatePartnerResult.Created(partner);
            }
            Partner existing = partners.find(command.partnerId()).orElseThrow(
                    () -> new IllegalStateException("a partner vanished inside its own transaction"));
            return new CreatePartnerResult.AlreadyExists(existing);
        });
    }
}
