package fi.palaute.adapters.persistence;

import java.util.List;

class PostgresAnswerRepositoryContractTest extends AbstractAnswerRepositoryContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }

    /** The user columns, as information_schema lists them (system columns such as xmin are not among them). */
    @Override
    protected List<String> columnsOf(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table
                        ORDER BY ordinal_position""")
                .bind("table", table)
                .mapTo(String.class)
                .list());
    }
}
