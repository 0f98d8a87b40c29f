package fi.palaute.bootstrap;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The race on the embedded default: one node, one SQLite file. */
class SqliteProhibitionRaceTest extends AbstractProhibitionRaceTest {

    @TempDir
    static Path dir;

    @Override
    protected Cluster startCluster() {
        List<String> keyLines = new ArrayList<>();
        PalauteApplication node = PalauteApplication.start(PalauteConfig.fromEnvironment(Map.of(
                "PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db"),
                "PALAUTE_DEMO", "true")), Clock.systemUTC(), keyLines::add);
        Map<String, String> keys = PalauteApplicationTest.keysByRole(keyLines);
        return new Cluster(List.of(node), keys.get("CUSTOMER_SERVICE"), keys.get("SELF_SERVICE"));
    }
}
