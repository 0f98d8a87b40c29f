package fi.palaute.application.fakes;

import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Both prohibition ports in memory. */
public final class InMemoryProhibitions implements ProhibitionRepository, ProhibitionHistoryRepository {

    private final FakeTransactions transactions;
    private final Map<CustomerId, Prohibition> inForce = new HashMap<>();
    public final List<ProhibitionChange> changes = new ArrayList<>();

    public InMemoryProhibitions(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Prohibition> find(CustomerId customerId) {
        return Optional.ofNullable(inForce.get(customerId));
    }

    @Override
    public boolean insertIfAbsent(Prohibition prohibition) {
        transactions.requireOpen();
        return inForce.putIfAbsent(prohibition.customerId(), prohibition) == null;
    }

    @Override
    public Optional<Prohibition> remove(CustomerId customerId) {
        transactions.requireOpen();
        return Optional.ofNullable(inForce.remove(customerId));
    }

    @Override
    public void append(ProhibitionChange change) {
        transactions.requireOpen();
        changes.add(change);
    }

    @Override
    public List<ProhibitionChange> findByCustomer(CustomerId customerId) {
        return changes.stream().filter(c -> c.customerId().equals(customerId)).toList();
    }

    @Override
    public Set<CustomerId> findProhibited(Collection<CustomerId> customers) {
        return customers.stream().filter(inForce::containsKey).collect(Collectors.toSet());
    }
}
