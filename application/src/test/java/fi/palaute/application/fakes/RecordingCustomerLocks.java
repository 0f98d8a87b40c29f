package fi.palaute.application.fakes;

import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.domain.consent.CustomerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Remembers what was locked, and checks that locking happens inside a transaction, as the port requires. */
public final class RecordingCustomerLocks implements CustomerLocks {

    private final FakeTransactions transactions;
    public final List<CustomerId> locked = new ArrayList<>();

    public RecordingCustomerLocks(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void lock(Collection<CustomerId> customers) {
        transactions.requireOpen();
        locked.addAll(customers);
    }
}
