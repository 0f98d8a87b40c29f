package fi.palaute.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAuditLogContractTest extends AbstractAuditLogContractTest {

    @TempDir
    Path folder;

    @Override
    protected Database openDatabase() {
        return SqliteTestDatabases.open(folder);
    }

    @Override
    protected String emptyDatabaseUrl() {
        return "jdbc:sqlite:" + folder.resolve("before-v4.db");
    }
}
