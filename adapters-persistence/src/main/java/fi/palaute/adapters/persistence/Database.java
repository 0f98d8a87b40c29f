package fi.palaute.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.DatabaseProbe;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;

/**
 * The database behind every repository of this adapter: a HikariCP pool, Flyway migrations chosen by the JDBC URL,
 * and the Jdbi instance the repositories and the {@link TransactionRunner} share. See {@code package-info.java} for
 * the isolation each use case relies on.
 */
public final class Database implements AutoCloseable {

    /** SQLite's busy timeout and the pool's wait for a free connection, in milliseconds. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** The databases this adapter knows: the URL prefix and the migration folder of each. */
    private enum Vendor {
        SQLITE("jdbc:sqlite:", "db/migration/sqlite");
        // POSTGRESQL("jdbc:postgresql:", "db/migration/postgresql"),  (plus the driver and flyway-database-postgresql)

        final String urlPrefix;
        final String migrations;

        Vendor(String urlPrefix, String migrations) {
            this.urlPrefix = urlPrefix;
            this.migrations = migrations;
        }

        String displayName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Vendor of(String jdbcUrl) {
            return Arrays.stream(values())
                    .filter(vendor -> jdbcUrl.startsWith(vendor.urlPrefix))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unsupported database URL: expected one starting with "
                                    + Arrays.stream(values()).map(v -> v.urlPrefix + "...").toList()
                                    + describeVendor(jdbcUrl)));
        }

        /** Names the vendor part of a URL, and nothing after it, since the rest may hold a password. */
        private static String describeVendor(String jdbcUrl) {
            String[] parts = jdbcUrl.split(":", 3);
            if (parts.length >= 2 && parts[0].equals("jdbc") && parts[1].matches("[a-z0-9]{1,20}")) {
                return ", got jdbc:" + parts[1] + ":...";
            }
            return ", got something that is not a JDBC URL";
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final TransactionRunner transactions;
    private final ProhibitionRepository prohibitions;
    private final ProhibitionHistoryRepository prohibitionHistory;
    private final ApiKeyRepository apiKeys;
    private final DatabaseProbe probe;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.transactions = new JdbiTransactionRunner(jdbi);
        this.prohibitions = new JdbiProhibitionRepository(jdbi);
        this.prohibitionHistory = new JdbiProhibitionHistoryRepository(jdbi);
        this.apiKeys = new JdbiApiKeyRepository(jdbi);
        this.probe = new JdbcDatabaseProbe(dataSource);
    }

    /**
     * Opens a pool on the database, migrates it to the newest schema and returns it.
     *
     * @throws IllegalArgumentException for a URL of a database this adapter does not know, or a bad pool size;
     *     the message never repeats the URL's tail or the password
     * @throws IllegalStateException when the database cannot be reached or migrated; the message is one line
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("the database URL is missing");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the database pool size must be at least 1, was " + poolSize);
        }
        Vendor vendor = Vendor.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("palaute-" + vendor.displayName());
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(BUSY_TIMEOUT_MILLIS);
        if (vendor == Vendor.SQLITE) {
            configureSqlite(jdbcUrl, config);
        } else {
            config.setUsername(user);
            config.setPassword(password);
        }

        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the " + vendor.displayName()
                    + " database: " + firstLineOfRootCause(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + vendor.migrations)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate the database: " + firstLineOfRootCause(e), e);
        }
        return new Database(dataSource);
    }

    /**
     * WAL so readers never wait for the writer; synchronous=FULL so a commit survives a power cut; foreign keys on;
     * a writer waits up to the busy timeout for another; and every transaction starts with BEGIN IMMEDIATE (see
     * package-info). The names are sqlite-jdbc's connection properties, set through its typed {@link SQLiteConfig}
     * and applied by the driver to every new pooled connection.
     */
    private static void configureSqlite(String jdbcUrl, HikariConfig config) {
        sqliteFile(jdbcUrl).ifPresent(Database::createParentFolder);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setDataSourceProperties(sqlite.toProperties());
    }

    /** The file of a SQLite URL; a pool of in-memory databases would be a pool of different databases. */
    private static Optional<Path> sqliteFile(String jdbcUrl) {
        String name = jdbcUrl.substring(Vendor.SQLITE.urlPrefix.length());
        int query = name.indexOf('?');
        boolean memoryMode = query >= 0 && name.substring(query).contains("mode=memory");
        if (query >= 0) {
            name = name.substring(0, query);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isBlank() || name.equals(":memory:") || memoryMode) {
            throw new IllegalArgumentException("a SQLite database URL must name a file, not an in-memory database");
        }
        if (name.startsWith(":resource:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(name).toAbsolutePath());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the SQLite database URL does not name a usable file path");
        }
    }

    private static void createParentFolder(Path file) {
        Path folder = file.getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("cannot create the folder " + folder + " for the SQLite database", e);
        }
    }

    private static String firstLineOfRootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    /** The shared Jdbi, for this adapter and its tests only; no Jdbi type crosses a port. */
    Jdbi jdbi() {
        return jdbi;
    }

    public TransactionRunner transactions() {
        return transactions;
    }

    public ProhibitionRepository prohibitions() {
        return prohibitions;
    }

    public ProhibitionHistoryRepository prohibitionHistory() {
        return prohibitionHistory;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public DatabaseProbe probe() {
        return probe;
    }

    /** Closes the pool; afterwards every repository call fails and the probe answers false. */
    @Override
    public void close() {
        dataSource.close();
    }
}
