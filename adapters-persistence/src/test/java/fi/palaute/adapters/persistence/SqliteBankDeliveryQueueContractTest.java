package fi.palaute.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteBankDeliveryQueueContractTest extends AbstractBankDeliveryQueueContractTest {

    @TempDir
    Path folder;

    @Override
    protected Database openDatabase() {
        return SqliteTestDatabases.open(folder);
    }
}
