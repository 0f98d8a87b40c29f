package fi.palaute.adapters.persistence;

class PostgresPartnerRepositoryContractTest extends AbstractPartnerRepositoryContractTest {

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
