package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.AGENT;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only SQLite needs: its pragmas, BEGIN IMMEDIATE, the file and folder, and opening errors. */
class SqliteDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void everyPooledConnectionUsesWalFullSyncForeignKeysAndTheBusyTimeout() {
        try (Database database = SqliteTestDatabases.open(folder)) {
            List<Handle> handles = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    handles.add(database.jdbi().open()); // three different connections from the pool, held at once
                }
                for (Handle handle : handles) {
                    assertEquals("wal", pragma(handle, "journal_mode"));
                    assertEquals("2", pragma(handle, "synchronous"), "2 is FULL");
                    assertEquals("1", pragma(handle, "foreign_keys"));
                    assertEquals("10000", pragma(handle, "busy_timeout"));
                }
            } finally {
                handles.forEach(Handle::close);
            }
        }
    }

    private static String pragma(Handle handle, String name) {
        return handle.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }

    /**
     * A transaction that has only read still holds the write lock: with BEGIN IMMEDIATE it took it before its first
     * statement. Under SQLite's default (DEFERRED) the other writer would get in between.
     */
    @Test
    void everyTransactionTakesTheWriteLockBeforeItsFirstStatement() throws SQLException {
        try (Database database = SqliteTestDatabases.open(folder);
                Connection other = DriverManager.getConnection(SqliteTestDatabases.url(folder));
                Statement otherStatement = other.createStatement()) {
            otherStatement.execute("PRAGMA busy_timeout = 0");

            String otherWriterMeanwhile = database.transactions().inTransaction(() -> {
                database.prohibitions().find(newCustomer()); // a read, and nothing written yet
                try {
                    otherStatement.execute("BEGIN IMMEDIATE");
                    otherStatement.execute("ROLLBACK");
                    return "got the write lock";
                } catch (SQLException e) {
                    return e.getMessage();
                }
            });

            assertTrue(otherWriterMeanwhile.contains("SQLITE_BUSY"), otherWriterMeanwhile);
        }
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDataAndMigratesNothingTwice() {
        CustomerId customer = newCustomer();
        Prohibition prohibition = new Prohibition(customer, AGENT, at(0));
        try (Database first = SqliteTestDatabases.open(folder)) {
            first.prohibitions().insertIfAbsent(prohibition);
        }

        try (Database again = SqliteTestDatabases.open(folder)) {
            assertEquals(Optional.of(prohibition), again.prohibitions().find(customer));
            int appliedMigrations = again.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = 1")
                    .mapTo(Integer.class)
                    .one());
            assertEquals(1, appliedMigrations);
        }
    }

    @Test
    void aMissingFolderIsCreated() {
        Path nested = folder.resolve("data").resolve("palaute");

        try (Database database = Database.open("jdbc:sqlite:" + nested.resolve("palaute.db"), "", "", 2)) {
            assertTrue(database.probe().isReachable());
        }
        assertTrue(Files.isRegularFile(nested.resolve("palaute.db")));
    }

    @Test
    void anUnknownDatabaseIsRefusedInOneLineWithoutItsSecrets() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Database.open(
                "jdbc:mysql://db.example:3306/palaute?user=palaute&password=hunter2", "palaute", "s3cret", 4));

        String message = refused.getMessage();
        assertTrue(message.contains("jdbc:mysql:"), message);
        assertTrue(message.contains("jdbc:sqlite:"), message);
        assertFalse(message.contains("hunter2"), message);
        assertFalse(message.contains("s3cret"), message);
        assertFalse(message.contains("db.example"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void anInMemoryDatabaseIsRefusedSinceEachPooledConnectionWouldGetItsOwn() {
        assertThrows(IllegalArgumentException.class, () -> Database.open("jdbc:sqlite::memory:", "", "", 2));
        assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:sqlite:file:palaute?mode=memory&cache=shared", "", "", 2));
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsWithAOneLineMessage() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("a-file"), "not a folder");

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> Database.open("jdbc:sqlite:" + notAFolder.resolve("sub").resolve("palaute.db"), "", "", 2));

        assertTrue(failed.getMessage().contains(notAFolder.toString()), failed.getMessage());
        assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
    }

    @Test
    void aFileThatIsNotADatabaseFailsWithAOneLineMessage() throws IOException {
        Path garbage = Files.writeString(folder.resolve("palaute.db"), "this is not a SQLite database, ".repeat(100));

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> Database.open("jdbc:sqlite:" + garbage, "", "", 2));

        assertTrue(failed.getMessage().startsWith("cannot "), failed.getMessage());
        assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
    }
}
