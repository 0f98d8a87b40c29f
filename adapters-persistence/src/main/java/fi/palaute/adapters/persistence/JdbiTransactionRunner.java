package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.TransactionRunner;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
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
    private final Optional<Lock> writerQueue;

    /**
     * {@code writerQueue}: on SQLite, a fair lock that this process's transactions queue on, first come first
     * served, before {@code BEGIN IMMEDIATE}. SQLite has one write lock, and a writer that finds it taken sleeps and
     * retries in its busy handler, so under load a writer can lose the race again and again: batches of events
     * measured a p99 over one second that way. Queued here they wait their turn instead. The busy handler still
     * covers another process on the same file. Reentrant, so a nested transaction does not wait for itself.
     */
    JdbiTransactionRunner(Jdbi jdbi, Optional<Lock> writerQueue) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.writerQueue = Objects.requireNonNull(writerQueue, "writerQueue");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (writerQueue.isEmpty()) {
            return jdbi.inTransaction(handle -> work.get());
        }
        Lock queue = writerQueue.get();
        queue.lock();
        try {
            return jdbi.inTransaction(handle -> work.get());
        } finally {
            queue.unlock();
        }
    }
}
