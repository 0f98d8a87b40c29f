package fi.palaute.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteDashboardSessionRepositoryContractTest extends AbstractDashboardSessionRepositoryContractTest {

    @TempDir
    Path folder;

    @Override
    protected Database openDatabase() {
        return SqliteTestDatabases.open(folder);
    }

    @Override
    protected Database openAnotherNode() {
        return SqliteTestDatabases.open(folder);
    }
}
