package fi.palaute.bootstrap;

import fi.palaute.adapters.persistence.PostgresTestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The race across two complete service compositions (two HTTP servers, two pools) on one real PostgreSQL, as
 * two nodes behind a load balancer: requests alternate between the nodes.
 */
class PostgresTwoNodeProhibitionRaceTest extends AbstractProhibitionRaceTest {

    @Override
    protected Cluster startCluster() {
        Map<String, String> env = Map.of(
                "PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", PostgresTestDatabases.createDatabase(),
                "PALAUTE_DB_USER", PostgresTestDatabases.USER,
                "PALAUTE_DB_PASSWORD", PostgresTestDatabases.PASSWORD,
                "PALAUTE_DEMO", "true");
        List<String> keyLines = new ArrayList<>();
        PalauteApplication first = PalauteApplication.start(PalauteConfig.fromEnvironment(env), Clock.systemUTC(),
                keyLines::add);
        List<String> none = new ArrayList<>();
        PalauteApplication second = PalauteApplication.start(PalauteConfig.fromEnvironment(env), Clock.systemUTC(),
                none::add);
        if (!none.isEmpty()) {
            throw new AssertionError("the second node made demo keys too");
        }
        Map<String, String> keys = PalauteApplicationTest.keysByRole(keyLines);
        return new Cluster(List.of(first, second), keys.get("CUSTOMER_SERVICE"), keys.get("SELF_SERVICE"));
    }
}
