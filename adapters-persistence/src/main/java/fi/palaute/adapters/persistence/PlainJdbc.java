package fi.palaute.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC on the connection of a Jdbi handle (so inside its transaction), for the statements every answer runs
 * and for bulk inserts. Measured on the survey form's POST, Jdbi's own work per statement (parsing, binding,
 * mapping, clean-up) was about a third of the service's CPU per answer. A driver's message names no bound value
 * (see {@link Database}), and neither does the exception thrown here.
 */
final class PlainJdbc {

    private PlainJdbc() {
    }

    /** JDBC work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work on the handle's connection; a failure says what could not be done, and the driver's reason. */
    static <T> T on(Handle handle, String what, Work<T> work) {
        try {
            return work.run(handle.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getMessage() + " [SQLState "
                    + e.getSQLState() + "]", e);
        }
    }
}
