package fi.palaute.adapters.persistence;

class PostgresTemplateRepositoryContractTest extends AbstractTemplateRepositoryContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }
}
