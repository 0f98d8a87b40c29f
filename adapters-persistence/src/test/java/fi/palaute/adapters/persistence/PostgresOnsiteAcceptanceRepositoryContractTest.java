package fi.palaute.adapters.persistence;

class PostgresOnsiteAcceptanceRepositoryContractTest extends AbstractOnsiteAcceptanceRepositoryContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }
}
