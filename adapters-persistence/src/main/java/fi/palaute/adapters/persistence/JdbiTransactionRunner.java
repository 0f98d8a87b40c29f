package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.TransactionRunner;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a use case's work in one Jdbi transaction. Jdbi keeps the open handle in a thread-local scope, so a
 * repository's {@code jdbi.withHandle(...)} on the same thread gets this very handle and joins the transaction, and
 * a nested {@code inTransaction} on a handle already in a transaction just runs its work inside the outer one. If
 * the work throws, everything it wrote is rolled back and the exception is rethrown unchanged.
 */
public final class JdbiTransactionRunner implements TransactionRunner {

    private final Jdbi jdbi;

    JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return jdbi.inTransaction(handle -> work.get());
    }
}
