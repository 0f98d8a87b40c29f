package fi.palaute.bootstrap;

import static fi.palaute.adapters.http.testing.ContractClient.Call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real composition on port 0 with a temporary SQLite database. */
class PalauteApplicationTest {

    @TempDir
    Path dir;

    private PalauteConfig config(boolean demo) {
        return PalauteConfig.fromEnvironment(Map.of(
                "PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("db").resolve("palaute.db"),
                "PALAUTE_DEMO", Boolean.toString(demo),
                "PALAUTE_STOP_GRACE_SECONDS", "5"));
    }

    static Map<String, String> keysByRole(List<String> lines) {
        Map<String, String> keys = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 2);
            keys.put(parts[0], parts[1]);
        }
        return keys;
    }

    @Test
    void aProhibitionSurvivesARestartAndDemoKeysAreMadeOnce() {
        List<String> firstKeys = new ArrayList<>();
        JsonNode setAnswer;
        String csKey;
        try (PalauteApplication app = PalauteApplication.start(config(true), Clock.systemUTC(), firstKeys::add)) {
            Map<String, String> keys = keysByRole(firstKeys);
            assertEquals(6, keys.size(), "one key per role: " + keys.keySet());
            csKey = keys.get("CUSTOMER_SERVICE");
            ContractClient client = ContractClient.onPort(app.port());
            var set = client.send(Call.put("/api/v1/customers/C-77/prohibition").key(csKey)
                    .json("{\"agentId\":\"agent-1\"}"));
            assertEquals(201, set.status());
            setAnswer = set.json();
        }

        List<String> secondKeys = new ArrayList<>();
        try (PalauteApplication app = PalauteApplication.start(config(true), Clock.systemUTC(), secondKeys::add)) {
            assertTrue(secondKeys.isEmpty(), "a restart makes no new keys");
            ContractClient client = ContractClient.onPort(app.port());
            var shown = client.send(Call.get("/api/v1/customers/C-77/prohibition").key(csKey));
            assertEquals(setAnswer, shown.json(), "still set, same source, agent and time");
            var history = client.send(Call.get("/api/v1/customers/C-77/prohibition/history")
                    .key(keysByRole(firstKeys).get("SELF_SERVICE")));
            assertEquals(1, history.json().get("changes").size());
            assertEquals(200, client.send(Call.get("/health")).status());
        }
    }

    /** A request whose body is still arriving when the stop begins is answered in full; then the pool closes. */
    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        List<String> keyLines = new ArrayList<>();
        PalauteApplication app = PalauteApplication.start(config(true), Clock.systemUTC(), keyLines::add);
        String key = keysByRole(keyLines).get("CUSTOMER_SERVICE");
        String body = "{\"agentId\":\"agent-2\"}";
        try (Socket socket = new Socket("localhost", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/customers/C-88/prohibition HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body.substring(0, 5)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the handler is now waiting for the rest of the body

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
            Thread.sleep(300);
            assertFalse(stopping.isDone(), "the stop waits for the request in flight");

            out.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 201"), response);
            stopping.get(10, TimeUnit.SECONDS);
        }
        // The prohibition was committed before the pool closed.
        List<String> none = new ArrayList<>();
        try (PalauteApplication again = PalauteApplication.start(config(true), Clock.systemUTC(), none::add)) {
            var shown = ContractClient.onPort(again.port())
                    .send(Call.get("/api/v1/customers/C-88/prohibition").key(key));
            assertTrue(shown.json().get("prohibited").asBoolean());
        }
    }
}
