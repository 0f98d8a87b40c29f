package fi.palaute.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteOnsiteAcceptanceRepositoryContractTest extends AbstractOnsiteAcceptanceRepositoryContractTest {

    @TempDir
    Path folder;

    @Override
    protected Database openDatabase() {
        return SqliteTestDatabases.open(folder);
    }
}
