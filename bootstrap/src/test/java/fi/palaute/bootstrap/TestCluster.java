package fi.palaute.bootstrap;

import fi.palaute.adapters.persistence.Database;
import fi.palaute.adapters.persistence.PostgresTestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Running service nodes on one database, with the demo keys the first node printed (by role name). The race tests
 * run on two kinds: one node on a SQLite file (the embedded default) and two complete compositions (two HTTP
 * servers, two pools) on one PostgreSQL, as two nodes behind a load balancer.
 */
record TestCluster(List<PalauteApplication> nodes, Map<String, String> keys, PalauteConfig config)
        implements AutoCloseable {

    static TestCluster sqlite(Path dir) {
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of(
                "PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db"),
                "PALAUTE_DEMO", "true",
                "PALAUTE_DEMO_ANSWERS", "0"));
        List<String> keyLines = new ArrayList<>();
        PalauteApplication node = PalauteApplication.start(config, Clock.systemUTC(), keyLines::add);
        return new TestCluster(List.of(node), PalauteApplicationTest.keysByRole(keyLines), config);
    }

    static TestCluster postgresTwoNodes() {
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of(
                "PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", PostgresTestDatabases.createDatabase(),
                "PALAUTE_DB_USER", PostgresTestDatabases.USER,
                "PALAUTE_DB_PASSWORD", PostgresTestDatabases.PASSWORD,
                "PALAUTE_DEMO", "true",
                "PALAUTE_DEMO_ANSWERS", "0"));
        List<String> keyLines = new ArrayList<>();
        PalauteApplication first = PalauteApplication.start(config, Clock.systemUTC(), keyLines::add);
        List<String> none = new ArrayList<>();
        PalauteApplication second = PalauteApplication.start(config, Clock.systemUTC(), none::add);
        if (!none.isEmpty()) {
            throw new AssertionError("the second node made demo keys too");
        }
        return new TestCluster(List.of(first, second), PalauteApplicationTest.keysByRole(keyLines), config);
    }

    String key(String role) {
        String key = keys.get(role);
        if (key == null) {
            throw new AssertionError("no demo key for " + role);
        }
        return key;
    }

    /** A pool of the test's own on the cluster's database, to look at what the nodes stored. */
    Database openDatabase() {
        return PalauteApplication.openDatabase(config);
    }

    @Override
    public void close() {
        nodes.forEach(PalauteApplication::close);
    }
}
