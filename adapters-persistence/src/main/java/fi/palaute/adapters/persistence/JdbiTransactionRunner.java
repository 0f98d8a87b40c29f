package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a use case's work in one Jdbi transaction. Jdbi keeps the open handle in a thread-local scope, so a
 * repository's {@code jdbi.withHandle(...)} on the same thread gets this very handle and joins the transaction, and
 * a nested {@code inTransaction} just runs its work inside the outer one. If the work throws, everything it wrote is
 * rolled back and the exception is rethrown unchanged.
 *
 * <p>On SQLite, group commit. SQLite has one writer at a time, and every commit waits for {@code fsync}
 * ({@code synchronous=FULL}, so a commit survives a power cut): one transaction per request caps a node at about
 * one commit per disk flush. So works that arrive while another commits queue up, and the next thread to take the
 * writer lock runs every queued work in one transaction, and they commit together with one flush. Each caller gets
 * its own result or its own exception only after that commit, so nothing is reported done that is not durable; if
 * the commit itself fails, every work of the batch fails with it. Running the works one after another in one
 * transaction is the same as running them in that order in separate transactions, since nothing else writes in
 * between. Should a work throw, the whole batch is rolled back and each of its works runs again in that order, each
 * in a transaction of its own, so the one that throws fails alone and the others commit as if nothing had happened:
 * a work only touches the database, so running it again is running it once. (A savepoint around each work would
 * spare the rerun, but costs two statements per work; works that throw are rare, answers are not.)
 */
public final class JdbiTransactionRunner implements TransactionRunner {

    /** Enough to share one flush among many callers, few enough that a batch never holds the writer for long. */
    private static final int MAX_BATCH = 64;

    /** True on the thread running a batch, so that a work's own nested transaction joins it. */
    private static final ThreadLocal<Boolean> RUNNING_BATCH = ThreadLocal.withInitial(() -> false);

    private final Jdbi jdbi;
    private final Optional<Lock> writerQueue;
    private final Queue<Queued<?>> queued = new ConcurrentLinkedQueue<>();

    /**
     * {@code writerQueue}: on SQLite, a fair lock that this process's writers queue on, first come first served,
     * before {@code BEGIN IMMEDIATE}. SQLite has one write lock, and a writer that finds it taken sleeps and retries
     * in its busy handler, so under load a writer can lose the race again and again: batches of events measured a
     * p99 over one second that way. Queued here they wait their turn instead, and whoever holds it commits for
     * everyone queued. The busy handler still covers another process on the same file.
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
        if (RUNNING_BATCH.get()) {
            return work.get(); // nested in a work of the batch this thread runs: part of that work
        }
        Queued<T> mine = new Queued<>(work);
        queued.add(mine);
        Lock writer = writerQueue.get();
        while (!mine.isDone()) {
            writer.lock();
            try {
                if (!mine.isDone()) {
                    runBatch(); // holds at least this caller's work: it was queued before the lock was taken
                }
            } finally {
                writer.unlock();
            }
        }
        return mine.outcome();
    }

    private void runBatch() {
        List<Queued<?>> batch = new ArrayList<>();
        for (Queued<?> next; batch.size() < MAX_BATCH && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        RUNNING_BATCH.set(true);
        try {
            if (!runInOneTransaction(batch) && batch.size() > 1) {
                batch.forEach(work -> runInOneTransaction(List.of(work))); // one threw: each alone, in order
            }
        } finally {
            RUNNING_BATCH.set(false);
        }
    }

    /**
     * Runs the works in one transaction. True when every work has its outcome: its result once they committed, or
     * the failure of the commit that lost it. False when one of them threw and the transaction was rolled back: a
     * work run alone then has its exception as its outcome; of several, none has an outcome yet.
     */
    private boolean runInOneTransaction(List<Queued<?>> works) {
        try {
            jdbi.useTransaction(handle -> works.forEach(Queued::run));
        } catch (RuntimeException | Error failure) {
            Queued<?> thrower = works.stream().filter(Queued::threw).findFirst().orElse(null);
            if (thrower == null) {
                works.forEach(work -> work.lost(failure)); // the commit failed, or Jdbi did
                return true;
            }
            if (works.size() == 1) {
                thrower.fail();
            } else {
                thrower.forgetThrowing();
            }
            return false;
        }
        works.forEach(Queued::committed);
        return true;
    }

    /** One caller's work and, once its batch has committed or failed, its outcome. */
    private static final class Queued<T> {

        private final Supplier<T> work;
        private T value;
        private RuntimeException failure;
        private Throwable lost;
        private volatile boolean done;

        Queued(Supplier<T> work) {
            this.work = work;
        }

        /** Runs the work, keeping its result, or the exception it threw (which is thrown on to roll back). */
        void run() {
            try {
                value = work.get();
            } catch (RuntimeException threw) {
                failure = threw;
                throw threw;
            }
        }

        boolean threw() {
            return failure != null && !done;
        }

        /** The work threw alone in its transaction: that is its outcome. */
        void fail() {
            done = true;
        }

        /** The work threw in a batch that will run again, this work alone: it has no outcome yet. */
        void forgetThrowing() {
            failure = null;
        }

        void committed() {
            done = true;
        }

        /** The batch's transaction failed: whatever this work did is gone with it, unless it had failed itself. */
        void lost(Throwable cause) {
            if (failure == null) {
                lost = cause;
            }
            done = true;
        }

        boolean isDone() {
            return done;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            if (lost instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (lost instanceof Error error) {
                throw error;
            }
            return value;
        }
    }
}
