package fi.palaute.bootstrap;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The answering races on the embedded default: one node, one SQLite file. */
class SqliteAnswerRaceTest extends AbstractAnswerRaceTest {

    @TempDir
    static Path dir;

    @Override
    protected TestCluster startCluster() {
        return TestCluster.sqlite(dir);
    }
}
