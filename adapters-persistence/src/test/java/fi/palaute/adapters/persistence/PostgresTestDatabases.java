package fi.palaute.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL-specific part of the contract tests, on the one embedded server of this JVM
 * ({@link EmbeddedPostgresHolder}): every test gets a fresh, empty schema of its own, owned by the service's role and
 * named in the URL ({@code currentSchema}), so no test sees another's tables, rows or schema history. A schema costs
 * a millisecond or two where a database costs a hundred or more; a test that needs a whole database (its settings,
 * the very first migration of it) asks for one with {@link #createDatabase()}.
 */
public final class PostgresTestDatabases {

    public static final int POOL_SIZE = 8;
    /** The service's role and its password on the embedded server; the URLs below carry no credentials. */
    public static final String USER = EmbeddedPostgresHolder.APP_USER;
    public static final String PASSWORD = EmbeddedPostgresHolder.APP_PASSWORD;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String schemasDatabase;

    private PostgresTestDatabases() {
    }

    /** Creates an empty database and returns its URL (without credentials). */
    public static String createDatabase() {
        String name = "palaute_test_" + DATABASES.incrementAndGet();
        try (Connection connection = EmbeddedPostgresHolder.admin().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + EmbeddedPostgresHolder.APP_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return EmbeddedPostgresHolder.url(name);
    }

    /** Creates an empty schema and returns a URL (without credentials) whose connections work in it. */
    public static String createSchema() {
        String url = schemasDatabase();
        String schema = "test_" + SCHEMAS.incrementAndGet();
        try (Connection connection = EmbeddedPostgresHolder.admin(url).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + EmbeddedPostgresHolder.APP_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test schema " + schema, e);
        }
        return url + "?currentSchema=" + schema;
    }

    private static synchronized String schemasDatabase() {
        if (schemasDatabase == null) {
            schemasDatabase = createDatabase();
        }
        return schemasDatabase;
    }

    /**
     * Makes a database made by {@link #createDatabase()} unreachable (refuses new connections and ends every open
     * one), as an outage would, or reachable again.
     */
    public static void setReachable(String url, boolean reachable) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = EmbeddedPostgresHolder.admin().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + reachable);
            if (!reachable) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change whether " + name + " is reachable", e);
        }
    }

    /** Opens (and so migrates) the database at the URL, as the service would: its role, its password. */
    public static Database open(String url) {
        return Database.open(url, USER, PASSWORD, POOL_SIZE);
    }

    /** A fresh schema, migrated. */
    public static Database open() {
        return open(createSchema());
    }
}
