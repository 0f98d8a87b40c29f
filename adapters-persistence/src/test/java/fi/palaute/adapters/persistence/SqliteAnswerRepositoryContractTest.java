package fi.palaute.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite, and what only SQLite needs saying: anonymous answers keep no insertion order. */
class SqliteAnswerRepositoryContractTest extends AbstractAnswerRepositoryContractTest {

    @TempDir
    Path folder;

    @Override
    protected Database openDatabase() {
        return SqliteTestDatabases.open(folder);
    }

    @Override
    protected Database openAnotherNode() {
        return SqliteTestDatabases.open(folder);
    }

    @Override
    protected List<String> columnsOf(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT name FROM pragma_table_info(:table) ORDER BY cid")
                .bind("table", table)
                .mapTo(String.class)
                .list());
    }

    /** The CREATE TABLE statement as SQLite keeps it, from its first parenthesis on (so without the name). */
    @Override
    protected List<String> definitionOf(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = :table")
                .bind("table", table)
                .mapTo(String.class)
                .map(sql -> sql.substring(sql.indexOf('(')))
                .list());
    }

    /**
     * An ordinary SQLite table numbers its rows as they come (rowid) and stores them in that order, which would line
     * the answers up with the invitations as they were answered. anonymous_answer and anonymous_answer_held are
     * WITHOUT ROWID: there is no such number to select, and rows are stored by their random id.
     */
    @Test
    void anonymousAnswersHaveNoRowNumberThatTellsTheirOrderHeldOrReleased() {
        hold(anonymousAnswer(THIS_WEEK), anonymousAnswer(THIS_WEEK));
        assertNoRowid("anonymous_answer_held");

        assertEquals(2, release(1, THIS_WEEK));
        assertNoRowid("anonymous_answer");
    }

    private void assertNoRowid(String table) {
        assertTrue(rowsIn(table) > 0, table);
        RuntimeException noRowid = assertThrows(RuntimeException.class, () -> database.jdbi().withHandle(handle ->
                handle.createQuery("SELECT rowid FROM " + table).mapTo(long.class).list()));
        assertTrue(String.valueOf(noRowid.getMessage()).contains("rowid"), noRowid::getMessage);
    }
}
