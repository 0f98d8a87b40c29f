package fi.palaute.application.port.out;

/** Asks the database a trivial question; false (never an exception) when it cannot answer. */
@FunctionalInterface
public interface DatabaseProbe {

    boolean isReachable();
}
