package fi.palaute.application.fakes;

import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryPartners implements PartnerRepository {

    private final FakeTransactions transactions;
    private final Map<PartnerId, Partner> partners = new HashMap<>();

    public InMemoryPartners(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean insertIfAbsent(Partner partner) {
        transactions.requireOpen();
        return partners.putIfAbsent(partner.id(), partner) == null;
    }

    @Override
    public Optional<Partner> find(PartnerId id) {
        return Optional.ofNullable(partners.get(id));
    }

    @Override
    public List<Partner> findAll() {
        return partners.values().stream().sorted(Comparator.comparing(p -> p.id().value())).toList();
    }
}
