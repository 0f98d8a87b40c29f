package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.partner.AuditEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract on PostgreSQL, which also has TRUNCATE, and refuses it too. */
class PostgresAuditLogContractTest extends AbstractAuditLogContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }

    @Test
    void theDatabaseRefusesToTruncateTheLog() {
        AuditEntry entry = entry(70, ACME, AuditEntry.Action.READ_CHANGES, List.of(), at(0));
        audit.append(entry);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                handle.execute("TRUNCATE audit_entry")));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(entry), audit.find(Optional.empty(), at(0), at(1), Optional.empty(), 10));
    }
}
