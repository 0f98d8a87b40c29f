package fi.palaute.bootstrap;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The prohibition races on the embedded default: one node, one SQLite file. */
class SqliteProhibitionRaceTest extends AbstractProhibitionRaceTest {

    @TempDir
    static Path dir;

    @Override
    protected TestCluster startCluster() {
        return TestCluster.sqlite(dir);
    }
}
