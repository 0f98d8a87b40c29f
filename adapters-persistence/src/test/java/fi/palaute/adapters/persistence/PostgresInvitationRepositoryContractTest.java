package fi.palaute.adapters.persistence;

class PostgresInvitationRepositoryContractTest extends AbstractInvitationRepositoryContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }
}
