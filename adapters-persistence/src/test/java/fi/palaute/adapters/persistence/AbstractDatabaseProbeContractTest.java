package fi.palaute.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.DatabaseProbe;
import org.junit.jupiter.api.Test;

/** The contract of {@link DatabaseProbe}; a subclass supplies the database. */
public abstract class AbstractDatabaseProbeContractTest {

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @Test
    void anOpenDatabaseAnswersAndAClosedOneDoesNotWithoutThrowing() {
        Database database = openDatabase();
        DatabaseProbe probe = database.probe();
        try {
            assertTrue(probe.isReachable());
        } finally {
            database.close();
        }
        assertFalse(probe.isReachable());
    }
}
