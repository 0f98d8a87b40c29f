/**
 * The persistence adapter: Jdbi repositories over a HikariCP pool, Flyway migrations per database
 * ({@code db/migration/sqlite}, later {@code db/migration/postgresql}), and the transaction runner.
 *
 * <h2>Isolation and locking: the one place where it is written down</h2>
 *
 * <p>The use case owns the transaction ({@link fi.palaute.application.port.out.TransactionRunner}, implemented by
 * {@link fi.palaute.adapters.persistence.JdbiTransactionRunner}); every repository joins the transaction open on the
 * calling thread, because Jdbi hands {@code withHandle} the handle already open on that thread.
 *
 * <p><b>SQLite.</b> Every transaction starts with {@code BEGIN IMMEDIATE} (sqlite-jdbc's {@code transaction_mode})
 * so it takes the single write lock before its first statement: writers run one after another (a waiting writer
 * blocks up to {@code busy_timeout}, 10 s), and a read followed by a write in one transaction can never be
 * overtaken by another writer between the two, nor fail half-way with {@code SQLITE_BUSY_SNAPSHOT}. WAL lets
 * readers outside a transaction go on while a writer works; {@code synchronous=FULL} makes a commit durable. The
 * price is that a read-only use case run inside the runner also queues behind writers, which at this service's
 * write rates is nothing.
 *
 * <p><b>Per use case</b> (safe on any database at its default isolation, READ COMMITTED on PostgreSQL):
 * <ul>
 *   <li><i>Set a prohibition</i>: {@code INSERT ... ON CONFLICT (customer_id) DO NOTHING} and its update count
 *       decide the winner in one statement, with no prior SELECT; only the winner appends to the history, in the
 *       same transaction, so the history cannot get two SETs in a row and a failed history write leaves no
 *       prohibition behind. The loser reads the prohibition in force (the winner's, already committed on SQLite;
 *       on PostgreSQL the conflicting insert waits for the winner's commit, so the read sees it).</li>
 *   <li><i>Lift a prohibition</i>: {@code DELETE ... RETURNING} removes and returns the row in one statement; of
 *       two concurrent lifts only one gets a row back, so only one writes LIFTED to the history.</li>
 *   <li><i>Show a prohibition, show the history</i>: single SELECTs; they need no transaction and see the last
 *       committed state.</li>
 *   <li><i>History is append-only</i>: the application has no update or delete, and database triggers refuse
 *       UPDATE and DELETE on {@code prohibition_history}.</li>
 *   <li><i>API keys</i>: the key hash is UNIQUE, so two inserts of one key cannot both succeed; a budget change is
 *       one {@code UPDATE ... RETURNING} (last writer wins, which is what an admin changing a budget expects).</li>
 * </ul>
 */
package fi.palaute.adapters.persistence;
