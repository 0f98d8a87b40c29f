package fi.palaute.adapters.persistence;

class PostgresTransactionRunnerContractTest extends AbstractTransactionRunnerContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }
}
