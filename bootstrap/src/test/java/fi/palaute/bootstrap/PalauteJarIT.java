package fi.palaute.bootstrap;

import static fi.palaute.adapters.http.testing.ContractClient.Call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shaded jar, started as an operator would start it: {@code java -jar bootstrap/target/palaute.jar}. */
class PalauteJarIT {

    private static final Path JAR = Path.of(System.getProperty("palaute.jar", "target/palaute.jar"));
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    @TempDir
    Path dir;

    private Map<String, String> env(String... more) {
        var env = new java.util.HashMap<String, String>(Map.of(
                "PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db")));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void demoKeysSetRestartStillSetAndSigtermStopsCleanly() throws Exception {
        String csKey;
        try (RunningJar first = RunningJar.start(env("PALAUTE_DEMO", "true"))) {
            List<String> keyLines = first.stdoutLines();
            assertEquals(6, keyLines.size(), "one key line per role: " + keyLines.size());
            for (String line : keyLines) {
                assertTrue(line.matches("(ADMIN|EVENT_SOURCE|PARTNER|CUSTOMER_SERVICE|SELF_SERVICE|ANALYST) pal_[A-Za-z0-9_-]{43}"),
                        "ROLE key on one line");
            }
            csKey = PalauteApplicationTest.keysByRole(keyLines).get("CUSTOMER_SERVICE");
            ContractClient client = ContractClient.onPort(first.port);
            assertEquals(201, client.send(Call.put("/api/v1/customers/C-5/prohibition").key(csKey)
                    .json("{\"agentId\":\"agent-5\"}")).status());

            int exit = first.sigterm();
            assertEquals(143, exit, "SIGTERM ends the JVM after its shutdown hook");
            String log = first.stderrText();
            assertTrue(log.contains("database pool closed"), log);
            assertFalse(Files.exists(dir.resolve("palaute.db-wal")), "the last connection closed and checkpointed");
            assertFalse(log.contains(csKey), "a key never reaches the log");
        }
        try (RunningJar second = RunningJar.start(env("PALAUTE_DEMO", "true"))) {
            assertTrue(second.stdoutLines().isEmpty(), "no new keys on restart");
            var shown = ContractClient.onPort(second.port).send(
                    Call.get("/api/v1/customers/C-5/prohibition").key(csKey));
            assertTrue(shown.json().get("prohibited").asBoolean());
            assertEquals("agent-5", shown.json().get("agentId").asText());
        }
    }

    @Test
    void createKeyPrintsOneKeyThatWorks() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString(), "create-key", "--role", "ADMIN",
                "--label", "ops", "--per-second", "100", "--burst", "400");
        builder.environment().putAll(env());
        Process made = builder.start();
        String out = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, made.waitFor());
        assertTrue(out.matches("ADMIN pal_[A-Za-z0-9_-]{43}"), "exactly one line: ROLE key");
        String key = out.split(" ")[1];
        try (RunningJar server = RunningJar.start(env())) {
            assertTrue(server.stdoutLines().isEmpty(), "serving without demo mode prints no key");
            var keys = ContractClient.onPort(server.port).send(Call.get("/api/v1/keys").key(key)).json().get("keys");
            assertEquals(1, keys.size());
            assertEquals(400, keys.get(0).at("/budget/burst").asInt());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "PALAUTE_PORT,not-a-port,PALAUTE_PORT must be",
            "PALAUTE_PORT,70000,PALAUTE_PORT must be",
            "PALAUTE_DEMO,maybe,PALAUTE_DEMO must be true or false",
            "PALAUTE_DB_POOL_SIZE,0,PALAUTE_DB_POOL_SIZE must be",
            "PALAUTE_DB_URL,jdbc:oracle:thin:@x,cannot start"})
    void aBadSettingStopsTheStartWithOneClearLine(String name, String value, String expected) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString());
        builder.environment().putAll(env(name, value));
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(process.exitValue() == 1 || process.exitValue() == 2, "non-zero exit");
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("palaute: ") && err.contains(expected), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("palaute.db")) && name.equals("PALAUTE_PORT"), "nothing made");
    }

    /**
     * One running jar. Its standard output and error go to files, not pipes: a Java parent loses what a child
     * writes to a pipe during its shutdown hooks, and those lines are what the stop test reads.
     */
    static final class RunningJar implements AutoCloseable {
        private static int started;
        final Process process;
        final int port;
        private final Path stdout;
        private final Path stderr;

        private RunningJar(Process process, int port, Path stdout, Path stderr) {
            this.process = process;
            this.port = port;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        static RunningJar start(Map<String, String> env) throws IOException, InterruptedException {
            Path folder = Path.of(env.get("PALAUTE_DB_URL").substring("jdbc:sqlite:".length())).getParent();
            int n = ++started;
            Path out = folder.resolve("stdout-" + n + ".txt");
            Path err = folder.resolve("stderr-" + n + ".txt");
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher m = LISTENING.matcher(Files.readString(err));
                if (m.find()) {
                    return new RunningJar(process, Integer.parseInt(m.group(1)), out, err);
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new AssertionError("the jar did not start: " + Files.readString(err));
        }

        /** Demo keys are printed before the server listens, so they are all here once the port is known. */
        List<String> stdoutLines() throws IOException {
            return Files.readAllLines(stdout);
        }

        String stderrText() throws IOException {
            return Files.readString(stderr);
        }

        /** Sends SIGTERM and waits for the exit; returns the exit code. */
        int sigterm() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
