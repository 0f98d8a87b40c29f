package fi.palaute.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.application.port.out.AuditLog;
import fi.palaute.application.port.out.BankDeliveryQueue;
import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.application.port.out.DashboardSessionRepository;
import fi.palaute.application.port.out.DatabaseProbe;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.application.port.out.FunnelRepository;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.OnsiteAcceptanceRepository;
import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.ServiceEventRepository;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.application.port.out.TransactionRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;

/**
 * The database behind every repository of this adapter: a HikariCP pool, Flyway migrations chosen by the JDBC URL,
 * and the Jdbi instance the repositories and the {@link TransactionRunner} share. See {@code package-info.java} for
 * the isolation each use case relies on.
 */
public final class Database implements AutoCloseable {

    /** SQLite's busy timeout and the pool's wait for a free connection, in milliseconds. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /**
     * The databases this adapter knows: the URL prefix and migration folder of each, and the SQL in which they
     * differ: the locks that only PostgreSQL needs (see {@link #apiKeyWriteLock}, {@link #customerLocks},
     * {@link #claimLock}, {@link #rowLock} and, while migrating, {@link #answersLock}), the change feed's page
     * ({@link #feedPage}), the release of held anonymous answers ({@link #anonymousRelease}) and how many shards a
     * counter has ({@link #counterShards}). Everything else the repositories and the Java migrations say is the same
     * SQL on both.
     */
    enum Vendor {
        SQLITE("jdbc:sqlite:", "db/migration/sqlite", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), """
                        SELECT CAST(tx AS TEXT) AS transaction_id, seq, partner_id, invitation_id, kind, at
                        FROM partner_change
                        WHERE partner_id = :partnerId AND tx = 0 AND seq > :seq
                        ORDER BY seq
                        LIMIT :limit""",
                new AnonymousRelease(Optional.empty(), """
                        SELECT iso_week, survey_id, channel, controller, language, score, COUNT(*) AS answers
                        FROM anonymous_answer_held
                        GROUP BY iso_week, survey_id, channel, controller, language, score""",
                        Optional.of(new AnonymousRelease.CopyThenEmpty("""
                                INSERT INTO anonymous_answer (answer_id, survey_id, channel, controller, language,
                                                              score, comment, iso_week)
                                SELECT answer_id, survey_id, channel, controller, language, score, comment, iso_week
                                FROM anonymous_answer_held
                                ORDER BY answer_id""", "DELETE FROM anonymous_answer_held"))),
                1, Optional.empty()),
        POSTGRESQL("jdbc:postgresql:", "db/migration/postgresql",
                Optional.of("LOCK TABLE api_key IN SHARE ROW EXCLUSIVE MODE"),
                Optional.of("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS t(k) ORDER BY k"),
                Optional.of("FOR UPDATE SKIP LOCKED"),
                Optional.of("FOR UPDATE"), """
                        SELECT CAST(tx AS text) AS transaction_id, seq, partner_id, invitation_id, kind, at
                        FROM partner_change
                        WHERE partner_id = :partnerId
                          AND (tx, seq) > (CAST(:tx AS xid8), :seq)
                          AND tx < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY tx, seq
                        LIMIT :limit""",
                new AnonymousRelease(Optional.of("LOCK TABLE anonymous_answer_held IN SHARE UPDATE EXCLUSIVE MODE"),
                        """
                        WITH moved AS (
                            DELETE FROM anonymous_answer_held
                            RETURNING answer_id, survey_id, channel, controller, language, score, comment, iso_week),
                        published AS (
                            INSERT INTO anonymous_answer (answer_id, survey_id, channel, controller, language, score,
                                                          comment, iso_week)
                            SELECT answer_id, survey_id, channel, controller, language, score, comment, iso_week
                            FROM moved
                            ORDER BY answer_id)
                        SELECT iso_week, survey_id, channel, controller, language, score, COUNT(*) AS answers
                        FROM moved
                        GROUP BY iso_week, survey_id, channel, controller, language, score""", Optional.empty()),
                8, Optional.of("LOCK TABLE identified_answer, anonymous_answer IN SHARE MODE"));

        final String urlPrefix;
        final String migrations;
        /**
         * Run by {@link JdbiApiKeyRepository#isEmpty()} inside a transaction, so that "insert only if there are no
         * keys" cannot run twice at once: SHARE ROW EXCLUSIVE conflicts with itself and with every insert, update
         * and delete on {@code api_key}, not with reads, and is held to the end of the transaction. SQLite needs
         * nothing: BEGIN IMMEDIATE already holds the database's only write lock. See package-info.
         */
        final Optional<String> apiKeyWriteLock;
        /**
         * Run by {@link JdbiCustomerLocks#lock} inside a transaction with the customers' keys, distinct and sorted:
         * one transaction-scoped advisory lock per key, all in one statement, held to the end of the transaction.
         * They are taken in ascending order twice over: the array comes sorted and unnest returns it in order, and
         * since PostgreSQL 9.6 a volatile function in the select list is evaluated after the ORDER BY sort beneath it.
         * {@code PostgresCustomerLocksContractTest} watches a half-taken set in {@code pg_locks} to check it. SQLite
         * needs nothing: BEGIN IMMEDIATE already holds the only write lock. See package-info.
         */
        final Optional<String> customerLocks;
        /**
         * Ends {@link JdbiInvitationRepository#lockReadyForPartner}'s SELECT, after its LIMIT: each row it returns is
         * locked to the end of the transaction, and a row another transaction holds is passed over, not waited for,
         * so concurrent claims on any nodes take disjoint sets. A row that another claim handed over and committed
         * meanwhile is checked again on its newest version (READ COMMITTED) and dropped, since it is no longer
         * pending. SQLite needs nothing: BEGIN IMMEDIATE already holds the only write lock. See package-info.
         */
        final Optional<String> claimLock;
        /**
         * Ends {@link JdbiInvitationRepository#lockForPartner}'s SELECT: the one row is locked to the end of the
         * transaction (a second caller waits, then reads the row as the first left it). SQLite needs nothing.
         */
        final Optional<String> rowLock;
        /**
         * {@link JdbiPartnerChangeFeed#after}'s page. On PostgreSQL in (tx, seq) order, and only the entries of
         * transactions older than the oldest one still running when the statement starts (the snapshot's xmin): any
         * transaction that can still append is at least that young, so it can never append behind a cursor this
         * returns. {@code tx} is xid8; the cursor's transaction is bound as its decimal text and cast, and read back
         * as text under another name: an output column named {@code tx} would be what ORDER BY tx sorts by, as text
         * ("1000" before "966"), and a page cut by LIMIT in that order would hand out a cursor past entries it had
         * not returned. On SQLite writers run one after another, so seq order is commit order and tx is always 0:
         * the page ignores the cursor's transaction, and {@code tx = 0}, true of every row, lets the index
         * (partner_id, tx, seq) return the rows in seq order without a sort.
         */
        final String feedPage;
        /** How {@link JdbiAnswerRepository#releaseHeldAnonymousAnswers} moves the held answers; see the record. */
        final AnonymousRelease anonymousRelease;
        /**
         * How many rows of {@code answer_part_count} one combination of week part, survey, channel, controller and
         * language is spread over ({@link AnswerCounters}). On PostgreSQL eight: each write picks one at random, so
         * concurrent answers of one busy combination rarely wait for each other's row lock (which an upsert holds
         * until its transaction commits). On SQLite one: writers take turns anyway (BEGIN IMMEDIATE), and more rows
         * would only make reads sum more.
         */
        final int counterShards;
        /**
         * Run first by migration V7 ({@link AnswerPartCountsFromAnswers}), which fills the counters by week part
         * from the answers stored: on PostgreSQL {@code SHARE} on both answer tables, which conflicts with every
         * INSERT, UPDATE and DELETE and not with reads, held to the migration's commit, so that a node of the
         * version before cannot store an answer the fill has not read. SQLite needs nothing: BEGIN IMMEDIATE
         * already holds the only write lock.
         */
        final Optional<String> answersLock;

        Vendor(String urlPrefix, String migrations, Optional<String> apiKeyWriteLock, Optional<String> customerLocks,
                Optional<String> claimLock, Optional<String> rowLock, String feedPage,
                AnonymousRelease anonymousRelease, int counterShards, Optional<String> answersLock) {
            this.urlPrefix = urlPrefix;
            this.migrations = migrations;
            this.apiKeyWriteLock = apiKeyWriteLock;
            this.customerLocks = customerLocks;
            this.claimLock = claimLock;
            this.rowLock = rowLock;
            this.feedPage = feedPage;
            this.anonymousRelease = anonymousRelease;
            this.counterShards = counterShards;
            this.answersLock = answersLock;
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

    /**
     * The release of held anonymous answers ({@link JdbiAnswerRepository#releaseHeldAnonymousAnswers}), in the
     * caller's transaction.
     *
     * <p>{@code lock}, taken before the held answers are counted: on PostgreSQL {@code SHARE UPDATE EXCLUSIVE} on the
     * held table, a mode that conflicts with itself (and with VACUUM and schema changes) but neither with the INSERTs
     * that hold answers nor with reads, held to the end of the transaction. Releases on any nodes so run one after
     * another, and each one's count, a later statement, sees what the one before committed. Without it, a release
     * that counted while another was moving the same rows would find them gone and move only those held since: a
     * batch below the minimum. SQLite needs nothing: BEGIN IMMEDIATE already holds the only write lock.
     *
     * <p>{@code groups} returns the answers that move, counted by week, survey, channel, controller, language and
     * score (columns {@code iso_week, survey_id, channel, controller, language, score, answers}), from which the
     * release adds them to their counters in the same transaction. The rows go in in the order of their random ids,
     * not the order they were held in: on PostgreSQL a new row's place in the heap ({@code ctid}) follows insertion
     * order, and the order answers were held in is the order their invitations were answered in.
     *
     * <p>On PostgreSQL {@code groups} is itself the move, one statement: {@code DELETE ... RETURNING} feeds both the
     * INSERT into {@code anonymous_answer} and the SELECT that counts, so exactly the rows it deleted are inserted and
     * counted, whatever commits meanwhile (a count read before the move could miss an answer held in between, since
     * holding does not wait for the lock); a second release meeting the same rows (which the lock already prevents)
     * would wait for their row locks and then find them gone, so none moves, or counts, twice. SQLite has no DELETE
     * inside WITH: {@code groups} reads the held answers, then {@code separately}'s {@code copy} copies them and
     * its {@code emptyHeld} deletes them, in one transaction that no other writer can enter between the three.
     */
    record AnonymousRelease(Optional<String> lock, String groups, Optional<CopyThenEmpty> separately) {

        /** SQLite's move in two statements; their update counts must agree with {@code groups}. */
        record CopyThenEmpty(String copy, String emptyHeld) {
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final TransactionRunner transactions;
    private final ProhibitionRepository prohibitions;
    private final ProhibitionHistoryRepository prohibitionHistory;
    private final ApiKeyRepository apiKeys;
    private final PartnerRepository partners;
    private final SurveyRepository surveys;
    private final TemplateRepository templates;
    private final ServiceEventRepository serviceEvents;
    private final InvitationRepository invitations;
    private final BankDeliveryQueue bankDeliveryQueue;
    private final FunnelRepository funnel;
    private final CustomerLocks customerLocks;
    private final PartnerChangeFeed partnerChanges;
    private final AuditLog auditLog;
    private final AnswerRepository answers;
    private final AnswerCountRepository answerCounts;
    private final DashboardSessionRepository dashboardSessions;
    private final FollowUpRepository followUps;
    private final OnsiteAcceptanceRepository onsiteAcceptances;
    private final DatabaseProbe probe;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
        this.transactions = new JdbiTransactionRunner(jdbi,
                vendor == Vendor.SQLITE ? Optional.of(new ReentrantLock(true)) : Optional.empty());
        this.prohibitions = new JdbiProhibitionRepository(jdbi);
        this.prohibitionHistory = new JdbiProhibitionHistoryRepository(jdbi);
        this.apiKeys = new JdbiApiKeyRepository(jdbi, vendor);
        this.partners = new JdbiPartnerRepository(jdbi);
        this.surveys = new JdbiSurveyRepository(jdbi);
        this.templates = new JdbiTemplateRepository(jdbi);
        this.serviceEvents = new JdbiServiceEventRepository(jdbi);
        this.invitations = new JdbiInvitationRepository(jdbi, vendor);
        this.bankDeliveryQueue = new JdbiBankDeliveryQueue(jdbi);
        this.funnel = new JdbiFunnelRepository(jdbi);
        this.customerLocks = new JdbiCustomerLocks(jdbi, vendor);
        this.partnerChanges = new JdbiPartnerChangeFeed(jdbi, vendor);
        this.auditLog = new JdbiAuditLog(jdbi);
        this.answers = new JdbiAnswerRepository(jdbi, vendor);
        this.answerCounts = new JdbiAnswerCountRepository(jdbi);
        this.dashboardSessions = new JdbiDashboardSessionRepository(jdbi);
        this.followUps = new JdbiFollowUpRepository(jdbi);
        this.onsiteAcceptances = new JdbiOnsiteAcceptanceRepository(jdbi);
        this.probe = new JdbcDatabaseProbe(dataSource);
    }

    /**
     * A failed statement's message: the driver's and the statement's text, never the values bound to it. Jdbi's
     * default adds the arguments, which here would be contact points, customer ids and token hashes (every value
     * goes in as a bound parameter, so the statement's text holds none).
     */
    static String withoutArguments(StatementException e) {
        StatementContext context = e.getStatementContext();
        if (context == null || context.getRenderedSql() == null) {
            return e.getShortMessage();
        }
        String sql = context.getRenderedSql();
        return e.getShortMessage() + " [statement:\"" + (sql.length() > 500 ? sql.substring(0, 500) + "..." : sql)
                + "\"]";
    }

    /**
     * Opens a pool on the database, migrates it to the newest schema and returns it.
     *
     * <p>For PostgreSQL the user and password are handed to the driver beside the URL; an empty one counts as not
     * given, so that credentials inside the URL also work. SQLite ignores both.
     *
     * @throws IllegalArgumentException for a URL of a database this adapter does not know, a URL its driver cannot
     *     parse, or a bad pool size; the message never repeats the URL's tail or the password
     * @throws IllegalStateException when the database cannot be reached or migrated; the message is one line and
     *     neither it nor its causes repeat the URL or a password
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
            requireTheDriverAccepts(jdbcUrl, vendor);
            configurePostgresql(user, password, config);
        }
        Secrets secrets = new Secrets(jdbcUrl, password);

        migrate(vendor, config, secrets);
        return new Database(connect(vendor, config, secrets), vendor);
    }

    private static HikariDataSource connect(Vendor vendor, HikariConfig config, Secrets secrets) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw secrets.failure("cannot connect to the " + vendor.displayName() + " database: ", e);
        }
    }

    /**
     * Migrates through a pool of its own, of two connections, closed afterwards: on PostgreSQL Flyway holds one
     * connection for its lock and the schema history while it migrates on a second, so on the service's pool of
     * size 1 it would wait for itself until the connection timeout. On PostgreSQL two nodes migrating at once are
     * serialized by Flyway's advisory lock, so the second finds the work done.
     */
    private static void migrate(Vendor vendor, HikariConfig config, Secrets secrets) {
        HikariConfig forMigration = new HikariConfig();
        config.copyStateTo(forMigration);
        forMigration.setPoolName(config.getPoolName() + "-migration");
        forMigration.setMaximumPoolSize(2);
        forMigration.setMinimumIdle(0);
        try (HikariDataSource migrationPool = connect(vendor, forMigration, secrets)) {
            try {
                migrations(vendor)
                        .dataSource(migrationPool)
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                throw secrets.failure("cannot migrate the database: ", e);
            }
        }
    }

    /**
     * Flyway's configuration for the vendor, without a data source: the SQL migrations of the vendor's folder, and the
     * Java migrations, given here as objects rather than found by scanning the classpath (they live in this package,
     * beside the code they share, and are found the same way in a shaded jar): {@code V7}
     * ({@link AnswerPartCountsFromAnswers}), the same class on both databases. Package-private so that the tests can
     * build a database as it was at an earlier version ({@code target}).
     */
    static FluentConfiguration migrations(Vendor vendor) {
        return Flyway.configure()
                .locations("classpath:" + vendor.migrations)
                .javaMigrations(new AnswerPartCountsFromAnswers(vendor.answersLock))
                .failOnMissingLocations(true);
    }

    private static final Object DRIVER_LOG_MUTED = new Object();

    /**
     * Asks the driver whether it can parse the URL before HikariCP does, with the driver's own logging (JUL, logger
     * {@code org.postgresql}) off meanwhile: on some malformed URLs, such as {@code jdbc:postgresql://host:5432?...}
     * without the {@code /} before the database name, pgjdbc logs a WARNING that repeats the whole URL, password and
     * all. A URL it has parsed once it parses again without a word.
     */
    private static void requireTheDriverAccepts(String jdbcUrl, Vendor vendor) {
        synchronized (DRIVER_LOG_MUTED) {
            java.util.logging.Logger driverLog = java.util.logging.Logger.getLogger("org.postgresql");
            java.util.logging.Level before = driverLog.getLevel();
            driverLog.setLevel(java.util.logging.Level.OFF);
            try {
                DriverManager.getDriver(jdbcUrl);
            } catch (SQLException e) {
                throw new IllegalArgumentException("the " + vendor.displayName() + " database URL is malformed (check"
                        + " the host, the port and the '/' before the database name) or its driver is missing; the URL"
                        + " is not repeated here since it may hold a password");
            } finally {
                driverLog.setLevel(before);
            }
        }
    }

    /**
     * READ COMMITTED, set on every pooled connection rather than trusting the server's
     * {@code default_transaction_isolation}: the use cases are written for it (see package-info), and under
     * REPEATABLE READ or SERIALIZABLE a lost race would surface as a serialization failure nobody retries. The
     * server's error details stay out of exception messages ({@code logServerErrorDetail=false}): they quote the
     * values of a failing row ("Key (token_hash)=(...) already exists", "Failing row contains (...)"). The user
     * and password go to the driver as properties; empty means "not given", so that credentials in the URL work.
     */
    private static void configurePostgresql(String user, String password, HikariConfig config) {
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("ApplicationName", "palaute");
        config.addDataSourceProperty("logServerErrorDetail", "false");
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
    }

    /**
     * WAL so readers never wait for the writer; synchronous=FULL so a commit survives a power cut; foreign keys on;
     * a writer waits up to the busy timeout for another; every transaction starts with BEGIN IMMEDIATE (see
     * package-info); and no insert asks for its generated keys (nothing here reads them, and the driver would run a
     * second query after every insert to have them ready). The names are sqlite-jdbc's connection properties, set through its typed {@link SQLiteConfig}
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
        sqlite.setGetGeneratedKeys(false);
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

    /**
     * What must never appear in a message: the URL (which may carry a password, e.g. {@code ?password=...}), the
     * password given beside it, and a password inside the URL. A failure's message is the first line of its root
     * cause with these blanked out; the cause is kept only when nothing in its chain mentions them, since a logged
     * stack trace prints every message of the chain.
     */
    record Secrets(String jdbcUrl, String password) {

        private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)password=([^&;]+)");

        IllegalStateException failure(String what, RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            String line = redact(message.lines().findFirst().orElse("").strip());
            return mentionedIn(e) ? new IllegalStateException(what + line)
                    : new IllegalStateException(what + line, e);
        }

        private List<String> secrets() {
            List<String> secrets = new ArrayList<>();
            secrets.add(jdbcUrl);
            if (password != null && !password.isEmpty()) {
                secrets.add(password);
            }
            Matcher inUrl = PASSWORD_IN_URL.matcher(jdbcUrl);
            while (inUrl.find()) {
                secrets.add(inUrl.group(1));
            }
            return secrets;
        }

        private String redact(String text) {
            String redacted = text;
            for (String secret : secrets()) {
                redacted = redacted.replace(secret, "***");
            }
            return PASSWORD_IN_URL.matcher(redacted).replaceAll("password=***");
        }

        private boolean mentionedIn(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String message = String.valueOf(t.getMessage());
                if (!redact(message).equals(message)) {
                    return true;
                }
                for (Throwable suppressed : t.getSuppressed()) {
                    if (mentionedIn(suppressed)) {
                        return true;
                    }
                }
            }
            return false;
        }
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

    public PartnerRepository partners() {
        return partners;
    }

    public SurveyRepository surveys() {
        return surveys;
    }

    public TemplateRepository templates() {
        return templates;
    }

    public ServiceEventRepository serviceEvents() {
        return serviceEvents;
    }

    public InvitationRepository invitations() {
        return invitations;
    }

    public BankDeliveryQueue bankDeliveryQueue() {
        return bankDeliveryQueue;
    }

    public FunnelRepository funnel() {
        return funnel;
    }

    /** Call inside a transaction only; see {@link JdbiCustomerLocks}. */
    public CustomerLocks customerLocks() {
        return customerLocks;
    }

    public PartnerChangeFeed partnerChanges() {
        return partnerChanges;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public AnswerRepository answers() {
        return answers;
    }

    /** The counters reports read, by week part, kept by {@link #answers()}. */
    public AnswerCountRepository answerCounts() {
        return answerCounts;
    }

    public DashboardSessionRepository dashboardSessions() {
        return dashboardSessions;
    }

    public FollowUpRepository followUps() {
        return followUps;
    }

    public OnsiteAcceptanceRepository onsiteAcceptances() {
        return onsiteAcceptances;
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
