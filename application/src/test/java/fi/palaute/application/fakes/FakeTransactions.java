package fi.palaute.application.fakes;

import fi.palaute.application.port.out.TransactionRunner;
import java.util.function.Supplier;

/** Runs work directly, and lets the fake repositories check they are written to inside a transaction. */
public final class FakeTransactions implements TransactionRunner {

    private final ThreadLocal<Boolean> open = ThreadLocal.withInitial(() -> false);
    private int count;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        boolean outer = !open.get();
        open.set(true);
        count++;
        try {
            return work.get();
        } finally {
            if (outer) {
                open.set(false);
            }
        }
    }

    public void requireOpen() {
        if (!open.get()) {
            throw new AssertionError("written outside a transaction");
        }
    }

    public int count() {
        return count;
    }
}
