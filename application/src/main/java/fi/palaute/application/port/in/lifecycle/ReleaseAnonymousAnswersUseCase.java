package fi.palaute.application.port.in.lifecycle;

/**
 * R-ANON, by a job the service runs on its own, on every node: anonymous answers are held back when given and
 * released in batches, so that no trace of the transaction that used an invitation (PostgreSQL's xmin, the order
 * rows were written in) is shared by the answer. Safe on all nodes at once.
 */
@FunctionalInterface
public interface ReleaseAnonymousAnswersUseCase {

    /** How many answers were released. */
    int release();
}
