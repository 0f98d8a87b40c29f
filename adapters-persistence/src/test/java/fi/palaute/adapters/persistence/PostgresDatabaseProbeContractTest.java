package fi.palaute.adapters.persistence;

class PostgresDatabaseProbeContractTest extends AbstractDatabaseProbeContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }
}
