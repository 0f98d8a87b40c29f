package fi.palaute.adapters.persistence;

class PostgresBankDeliveryQueueContractTest extends AbstractBankDeliveryQueueContractTest {

    @Override
    protected Database openDatabase() {
        return PostgresTestDatabases.open();
    }
}
