package fi.palaute.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * The contract on PostgreSQL, where concurrent answers of one combination spread over eight shards, and whose plan
 * for {@code counts} must be able to read answer_part_count's primary key by range.
 */
class PostgresAnswerCountRepositoryContractTest extends AbstractAnswerCountRepositoryContractTest {

    private String url;

    @Override
    protected Database openDatabase() {
        url = PostgresTestDatabases.createSchema();
        return PostgresTestDatabases.open(url);
    }

    @Override
    protected Database openAnotherNode() {
        return PostgresTestDatabases.open(url);
    }

    @Override
    protected String emptyDatabaseUrl() {
        return PostgresTestDatabases.createSchema();
    }

    @Override
    protected String user() {
        return PostgresTestDatabases.USER;
    }

    @Override
    protected String password() {
        return PostgresTestDatabases.PASSWORD;
    }

    @Override
    protected int shards() {
        return 8;
    }

    /** EXPLAIN's lines, planned for the values bound (an unnamed statement gets a custom plan). */
    @Override
    protected List<String> planOf(String sql, Map<String, Object> parameters) {
        return database.jdbi().withHandle(handle -> handle.createQuery("EXPLAIN " + sql)
                .bindMap(parameters)
                .mapTo(String.class)
                .list());
    }

    /**
     * Whether the planner picks the index depends on the table's size and statistics (on a small table a sequential
     * scan is cheaper, and it is what the plan printed may show). What must hold whatever the size is that the index
     * can serve the range: with sequential scans priced out, the plan reads answer_part_count_pkey with the week-key
     * range as its index condition. That needs the parameters to compare in the column's collation ("C"): a range in
     * another collation could not use the index.
     */
    @Override
    protected void assertThePrimaryKeyServesTheRange(List<String> plan, String sql, Map<String, Object> parameters) {
        List<String> forced = database.transactions().inTransaction(() -> {
            database.jdbi().useHandle(handle -> handle.execute("SET LOCAL enable_seqscan = off"));
            return planOf(sql, parameters);
        });
        String whole = String.join("\n", forced);
        assertTrue(whole.contains("answer_part_count_pkey"), whole);
        assertTrue(forced.stream().anyMatch(line -> line.contains("Index Cond:")
                && line.contains("week_key >=") && line.contains("week_key <=")), whole);
        System.out.println("PostgreSQL's plan with sequential scans priced out:\n  " + String.join("\n  ", forced));
    }
}
