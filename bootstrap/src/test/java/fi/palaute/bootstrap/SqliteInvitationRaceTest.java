package fi.palaute.bootstrap;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The invitation races on the embedded default: one node, one SQLite file. */
class SqliteInvitationRaceTest extends AbstractInvitationRaceTest {

    @TempDir
    static Path dir;

    @Override
    protected TestCluster startCluster() {
        return TestCluster.sqlite(dir);
    }
}
