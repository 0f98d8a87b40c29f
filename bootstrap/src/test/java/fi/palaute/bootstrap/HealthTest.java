package fi.palaute.bootstrap;

import static fi.palaute.adapters.http.testing.ContractClient.Call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.persistence.PostgresTestDatabases;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /health} asks the real database: 503 while it cannot be reached, 200 again once it can. */
class HealthTest {

    @Test
    void healthFollowsTheDatabase() {
        String url = PostgresTestDatabases.createDatabase();
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of(
                "PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", url,
                "PALAUTE_DB_USER", PostgresTestDatabases.USER,
                "PALAUTE_DB_PASSWORD", PostgresTestDatabases.PASSWORD));
        try (PalauteApplication app = PalauteApplication.start(config, Clock.systemUTC(), line -> { })) {
            ContractClient client = ContractClient.onPort(app.port());
            assertEquals(200, client.send(Call.get("/health")).status());
            try {
                PostgresTestDatabases.setReachable(url, false);
                var down = client.send(Call.get("/health"));
                assertEquals(503, down.status());
                assertEquals("DOWN", down.json().get("database").asText());
                assertEquals(200, client.send(Call.get("/health/live")).status(), "the process itself is alive");
            } finally {
                PostgresTestDatabases.setReachable(url, true);
            }
            assertEquals(200, client.send(Call.get("/health")).status(), "back once the database is");
        }
    }
}
