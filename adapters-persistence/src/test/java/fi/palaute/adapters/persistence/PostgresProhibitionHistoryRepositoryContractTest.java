package fi.palaute.adapters.persistence;

class PostgresProhibitionHistoryRepositoryContractTest extends AbstractProhibitionHistoryRepositoryContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }
}
