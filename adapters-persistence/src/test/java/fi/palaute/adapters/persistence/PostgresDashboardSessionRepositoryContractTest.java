package fi.palaute.adapters.persistence;

class PostgresDashboardSessionRepositoryContractTest extends AbstractDashboardSessionRepositoryContractTest {

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
}
