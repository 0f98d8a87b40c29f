package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.AGENT;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionAction;
import fi.palaute.domain.consent.ProhibitionChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * What only PostgreSQL needs: the isolation level every transaction runs at, migrating from two nodes at once,
 * credentials beside or inside the URL and what a failure may say about them, and TRUNCATE on the history.
 */
class PostgresDatabaseTest {

    private static final String URL_PASSWORD = "hunter2-in-the-url";

    /** The superuser sets up what the service's role could not; test set-up only. */
    private static void asSuperuser(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgresHolder.admin().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String databaseName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String transactionIsolation(Database database) {
        return database.transactions().inTransaction(() -> database.jdbi().withHandle(handle -> handle
                .createQuery("SHOW transaction_isolation").mapTo(String.class).one()));
    }

    @Test
    void everyTransactionRunsAtReadCommittedEvenWhereTheServerDefaultIsStricter() throws SQLException {
        String url = PostgresTestDatabases.createDatabase();
        asSuperuser("ALTER DATABASE " + databaseName(url) + " SET default_transaction_isolation = 'serializable'");
        try (Connection plain = DriverManager.getConnection(
                        url, EmbeddedPostgresHolder.APP_USER, EmbeddedPostgresHolder.APP_PASSWORD);
                Statement statement = plain.createStatement();
                ResultSet result = statement.executeQuery("SHOW transaction_isolation")) {
            result.next();
            assertEquals("serializable", result.getString(1), "a connection left alone follows the server");
        }

        try (Database database = PostgresTestDatabases.open(url)) {
            assertEquals("read committed", transactionIsolation(database));
            assertEquals("read committed", transactionIsolation(database), "and so does the next one from the pool");
        }
    }

    @RepeatedTest(3)
    void twoNodesOpeningOneFreshDatabaseAtOnceBothSucceedAndItIsMigratedOnce() throws Exception {
        String url = PostgresTestDatabases.createDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Database> opened = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            Callable<Database> startANode = () -> {
                ready.countDown();
                go.await();
                return PostgresTestDatabases.open(url);
            };
            List<Future<Database>> nodes = List.of(pool.submit(startANode), pool.submit(startANode));
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            for (Future<Database> node : nodes) {
                opened.add(node.get(60, TimeUnit.SECONDS));
            }

            Database first = opened.get(0);
            Database second = opened.get(1);
            List<String> applied = first.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                    .mapTo(String.class)
                    .list());
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), applied.stream().map(Integer::valueOf).sorted().toList());
            CustomerId customer = newCustomer();
            Prohibition prohibition = new Prohibition(customer, AGENT, at(0));
            assertTrue(first.prohibitions().insertIfAbsent(prohibition));
            assertEquals(Optional.of(prohibition), second.prohibitions().find(customer));
        } finally {
            opened.forEach(Database::close);
            pool.shutdownNow();
        }
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDataAndMigratesNothingTwice() {
        String url = PostgresTestDatabases.createSchema();
        CustomerId customer = newCustomer();
        Prohibition prohibition = new Prohibition(customer, AGENT, at(0));
        try (Database first = PostgresTestDatabases.open(url)) {
            first.prohibitions().insertIfAbsent(prohibition);
        }

        try (Database again = PostgresTestDatabases.open(url)) {
            assertEquals(Optional.of(prohibition), again.prohibitions().find(customer));
            int applied = again.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success")
                    .mapTo(Integer.class)
                    .one());
            assertEquals(1, applied);
        }
    }

    /** Flyway holds a connection of its own while it migrates on PostgreSQL; a pool of one must still open. */
    @Test
    void aPoolOfOneConnectionOpensAndWorks() {
        try (Database database = Database.open(PostgresTestDatabases.createSchema(),
                EmbeddedPostgresHolder.APP_USER, EmbeddedPostgresHolder.APP_PASSWORD, 1)) {
            CustomerId customer = newCustomer();
            assertTrue(database.transactions().inTransaction(() ->
                    database.prohibitions().insertIfAbsent(new Prohibition(customer, AGENT, at(0)))));
            assertTrue(database.prohibitions().find(customer).isPresent());
        }
    }

    @Test
    void theServiceConnectsAsTheGivenUserWithItsPassword() {
        try (Database database = PostgresTestDatabases.open()) {
            String user = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT current_user").mapTo(String.class).one());
            assertEquals(EmbeddedPostgresHolder.APP_USER, user);
        }
    }

    @Test
    void credentialsInsideTheUrlWorkWhenNoneAreGivenBesideIt() {
        String url = PostgresTestDatabases.createDatabase() + "?user=" + EmbeddedPostgresHolder.APP_USER
                + "&password=" + EmbeddedPostgresHolder.APP_PASSWORD;

        try (Database database = Database.open(url, "", "", 2)) {
            assertTrue(database.probe().isReachable());
        }
    }

    /** The messages of a failure and of everything it carries: what a logged stack trace would print. */
    private static String everyMessageIn(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            messages.append(t).append('\n');
            if (t.getCause() != null && t.getCause() != t) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return messages.toString();
    }

    @Test
    void aWrongPasswordFailsInOneLineAndNothingInTheFailureRepeatsTheUrlOrAPassword() {
        String url = PostgresTestDatabases.createDatabase();
        String withPassword = url + "?password=" + URL_PASSWORD;

        IllegalStateException beside = assertThrows(IllegalStateException.class,
                () -> Database.open(url, EmbeddedPostgresHolder.APP_USER, "wrong-password-beside", 2));
        IllegalStateException inside = assertThrows(IllegalStateException.class,
                () -> Database.open(withPassword, EmbeddedPostgresHolder.APP_USER, "", 2));

        for (IllegalStateException failed : List.of(beside, inside)) {
            assertTrue(failed.getMessage().startsWith("cannot connect to the postgresql database: "),
                    failed.getMessage());
            assertTrue(failed.getMessage().contains("password authentication failed"), failed.getMessage());
            assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
            String everything = everyMessageIn(failed);
            assertFalse(everything.contains("wrong-password-beside"), everything);
            assertFalse(everything.contains(URL_PASSWORD), everything);
            assertFalse(everything.contains(url), everything);
        }
    }

    /** pgjdbc logs (through java.util.logging) a WARNING with the whole URL when it cannot parse some URLs. */
    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://localhost:5432?password=" + URL_PASSWORD,
        "jdbc:postgresql://localhost:not-a-port/palaute?password=" + URL_PASSWORD,
        "jdbc:postgresql://localhost:99999/palaute?password=" + URL_PASSWORD})
    void aUrlTheDriverCannotParseIsRefusedWithoutRepeatingItAnywhere(String malformed) {
        java.util.logging.Logger driverLog = java.util.logging.Logger.getLogger("org.postgresql");
        List<String> driverLogged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                driverLogged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driverLog.addHandler(capture);
        IllegalArgumentException refused;
        try {
            refused = assertThrows(IllegalArgumentException.class,
                    () -> Database.open(malformed, EmbeddedPostgresHolder.APP_USER, "", 2));
        } finally {
            driverLog.removeHandler(capture);
        }

        assertTrue(refused.getMessage().contains("malformed"), refused.getMessage());
        assertFalse(everyMessageIn(refused).contains(URL_PASSWORD), everyMessageIn(refused));
        assertFalse(everyMessageIn(refused).contains("localhost"), everyMessageIn(refused));
        assertEquals(List.of(), driverLogged);
        assertNull(driverLog.getLevel(), "the driver's logging is as it was");
    }

    @Test
    void aServerThatIsNotThereFailsInOneLine() {
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> Database.open("jdbc:postgresql://127.0.0.1:1/palaute?password=" + URL_PASSWORD, "", "", 2));

        assertTrue(failed.getMessage().startsWith("cannot connect to the postgresql database: "), failed.getMessage());
        assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
        assertFalse(everyMessageIn(failed).contains(URL_PASSWORD), everyMessageIn(failed));
    }

    /** Flyway and HikariCP log while opening, at INFO and below; none of it may carry a password. */
    @Test
    void openingLogsNoPasswordEvenAtDebug() {
        String url = PostgresTestDatabases.createDatabase() + "?user=" + EmbeddedPostgresHolder.APP_USER
                + "&password=" + EmbeddedPostgresHolder.APP_PASSWORD;
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        try (Database database = Database.open(url, "", "", 2)) {
            assertTrue(database.probe().isReachable());
        } finally {
            root.setLevel(before);
            root.detachAppender(captured);
        }

        assertFalse(captured.list.isEmpty(), "nothing was logged, so this test would prove nothing");
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage() + describe(event.getThrowableProxy());
            assertFalse(text.contains(EmbeddedPostgresHolder.APP_PASSWORD), event.getLoggerName() + ": " + text);
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                assertFalse(text.contains(url), event.getLoggerName() + ": " + text);
            }
        }
    }

    private static String describe(IThrowableProxy proxy) {
        return proxy == null ? "" : " " + proxy.getMessage() + describe(proxy.getCause());
    }

    @Test
    void theDatabaseRefusesToTruncateTheHistory() {
        try (Database database = PostgresTestDatabases.open()) {
            CustomerId customer = newCustomer();
            ProhibitionChange change = new ProhibitionChange(
                    "0195f3a0-0000-7000-8000-000000000001", customer, ProhibitionAction.SET, AGENT, at(0));
            database.prohibitionHistory().append(change);

            RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                    handle.execute("TRUNCATE prohibition_history")));

            assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
            assertEquals(List.of(change), database.prohibitionHistory().findByCustomer(customer));
        }
    }
}
