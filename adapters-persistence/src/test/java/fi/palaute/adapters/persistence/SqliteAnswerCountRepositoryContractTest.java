package fi.palaute.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite, whose plan for {@code counts} must search answer_part_count's primary key by range. */
class SqliteAnswerCountRepositoryContractTest extends AbstractAnswerCountRepositoryContractTest {

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
    protected String emptyDatabaseUrl() {
        return "jdbc:sqlite:" + folder.resolve("at-v5.db");
    }

    @Override
    protected String user() {
        return null;
    }

    @Override
    protected String password() {
        return null;
    }

    @Override
    protected int shards() {
        return 1;
    }

    /** EXPLAIN QUERY PLAN's details, one line per step. */
    @Override
    protected List<String> planOf(String sql, Map<String, Object> parameters) {
        return database.jdbi().withHandle(handle -> handle.createQuery("EXPLAIN QUERY PLAN " + sql)
                .bindMap(parameters)
                .map((rs, ctx) -> rs.getString("detail"))
                .list());
    }

    /**
     * The table is WITHOUT ROWID, so its primary key is the table: a SEARCH on it by a range of week keys (its first
     * column) reads the range's counter rows and nothing else (a SCAN would read them all).
     */
    @Override
    protected void assertThePrimaryKeyServesTheRange(List<String> plan, String sql, Map<String, Object> parameters) {
        assertTrue(plan.stream().anyMatch(step -> step.equals(
                        "SEARCH answer_part_count USING PRIMARY KEY (week_key>? AND week_key<?)")),
                String.join("\n", plan));
        assertTrue(plan.stream().noneMatch(step -> step.startsWith("SCAN answer_part_count")), String.join("\n", plan));
        // grouped in the key's order: summed as read, never sorted first
        assertTrue(plan.stream().noneMatch(step -> step.contains("TEMP B-TREE")), String.join("\n", plan));
    }
}
