/**
 * The persistence adapter: Jdbi repositories over a HikariCP pool, Flyway migrations per database
 * ({@code db/migration/sqlite}, {@code db/migration/postgresql}, chosen from the JDBC URL by
 * {@link fi.palaute.adapters.persistence.Database}), and the transaction runner. The repositories send the same SQL
 * to both databases; what differs is in {@code Database.Vendor}: PostgreSQL's locks ({@code apiKeyWriteLock},
 * {@code customerLocks}, and the clauses {@code claimLock} and {@code rowLock}), which SQLite does not need, and
 * the change feed's page ({@code feedPage}).
 *
 * <p><b>Failures name no values.</b> Every value goes into a statement as a bound parameter, and a failed statement's
 * message carries the driver's message and the statement's text, never the arguments (Jdbi's default would list them:
 * contact points, customer ids, token hashes); on PostgreSQL the server's DETAIL, which quotes a failing row or a
 * duplicate key, is kept out of messages too ({@code logServerErrorDetail=false}). The repositories' own messages name
 * a row by its invitation id only. Checked on both databases by the invitation contract tests.
 *
 * <h2>Isolation and locking: the one place where it is written down</h2>
 *
 * <p>The use case owns the transaction ({@link fi.palaute.application.port.out.TransactionRunner}, implemented by
 * {@link fi.palaute.adapters.persistence.JdbiTransactionRunner}); every repository joins the transaction open on the
 * calling thread, because Jdbi hands {@code withHandle} the handle already open on that thread. Several nodes of the
 * service may share one database; every rule below holds across nodes, not only across threads of one node, and the
 * contract tests check it with two {@code Database} instances (two pools) on one database.
 *
 * <p><b>SQLite.</b> Every transaction starts with {@code BEGIN IMMEDIATE} (sqlite-jdbc's {@code transaction_mode})
 * so it takes the single write lock before its first statement: writers run one after another (a waiting writer
 * blocks up to {@code busy_timeout}, 10 s), and a read followed by a write in one transaction can never be
 * overtaken by another writer between the two, nor fail half-way with {@code SQLITE_BUSY_SNAPSHOT}. WAL lets
 * readers outside a transaction go on while a writer works; {@code synchronous=FULL} makes a commit durable. The
 * price is that a read-only use case run inside the runner also queues behind writers, which at this service's
 * write rates is nothing. Because SQLite serializes whole transactions, it forgives check-then-act code that
 * PostgreSQL does not; the contract tests therefore matter most on PostgreSQL.
 *
 * <p><b>PostgreSQL.</b> READ COMMITTED, set on every pooled connection by HikariCP rather than left to the server's
 * {@code default_transaction_isolation}. Each statement sees what was committed when it started; rows are locked
 * by the statements that write them (and by the explicit locks named below) until the transaction ends. Nothing
 * here needs more: each rule is decided by one statement on one row, or guarded by a lock. REPEATABLE READ or
 * SERIALIZABLE would add nothing to these rules and would turn a lost race into a serialization failure (SQLSTATE
 * 40001) that no use case retries. Flyway serializes migrations from several nodes with an advisory lock; it
 * migrates through a short-lived pool of its own, since it holds two connections at once on PostgreSQL.
 *
 * <p><b>Customer locks</b> ({@link fi.palaute.adapters.persistence.JdbiCustomerLocks}) serialize the work on one
 * customer across nodes. On PostgreSQL: a transaction-scoped advisory lock per distinct customer, keyed by the first
 * 64 bits of SHA-256("customer:" + id), all taken in one statement in ascending key order and held to commit or
 * rollback; a caller with overlapping customers waits, one with other customers does not. On SQLite nothing is
 * taken: BEGIN IMMEDIATE already serializes every writing transaction. Outside a transaction it refuses to run.
 * Every statement after the lock is a new READ COMMITTED snapshot, so it sees all that the previous holder committed.
 *
 * <p><b>No deadlocks.</b> A transaction takes each kind of lock in one step and in one order, the same everywhere:
 * customers, then service events, then funnel rows, each sorted; the other rows it writes are new (invitations,
 * decisions, queue entries, feed and audit entries) or its own. Existing invitation rows: a claim never waits for
 * one (SKIP LOCKED) and then writes only the rows it holds; a reissue or report waits for its one row holding no
 * other; a withdrawal waits for the customer's rows holding the customer's lock and some of those rows, which no
 * claim, reissue or report ever waits for. The intake's tables have no foreign keys (see V2): a checked row would
 * take KEY SHARE on the one survey row every batch names, shared through multixacts, which cost 40 % of PostgreSQL's
 * intake throughput; the survey team's tables keep theirs, whose KEY SHARE no statement here conflicts with.
 *
 * <p><b>Per use case</b>
 * <ul>
 *   <li><i>Record service events</i> (a batch, one transaction): lock the batch's customers first; then
 *       {@code ServiceEventRepository.insertNew} decides which events are new by the primary key (source, event_id)
 *       alone, one {@code INSERT ... VALUES ... ON CONFLICT DO NOTHING RETURNING event_id} per chunk of up to 1,000
 *       sorted ids. On PostgreSQL an insert that meets a key another transaction has inserted but not committed waits
 *       for it, then gets nothing (it committed: a redelivery, whose first decisions {@code decisionsOf} then reads
 *       in a new snapshot) or the event (it rolled back); so each event is decided once, on any number of nodes.
 *       The reads that decide (surveys, prohibitions, invitations since the rest period) come after the lock, one
 *       query per chunk; invitations, queue entries and decisions are written in batches; the funnel last (below).
 *       </li>
 *   <li><i>Set a prohibition</i>: the customer is locked first. Then
 *       {@code INSERT ... ON CONFLICT (customer_id) DO UPDATE ... WHERE false} and its
 *       update count decide the winner in one statement, with no prior SELECT. On PostgreSQL a second insert of the
 *       same customer waits on the primary key for the first transaction, then inserts nothing if it committed (or
 *       inserts after all if it rolled back): exactly one winner, on any number of nodes. Only the winner appends
 *       SET to the history, in the same transaction, so the history cannot get two SETs in a row and a failed history
 *       write leaves no prohibition behind. The loser reads the prohibition in force to answer "already set": under
 *       READ COMMITTED that read is a new snapshot and sees the winner's commit, and because {@code DO UPDATE} (unlike
 *       {@code DO NOTHING}) locks the row it ran into, no lift on another node can remove it between the two
 *       statements. On SQLite the write lock held since BEGIN gives all of this. The same transaction withdraws the
 *       customer's open invitations (one UPDATE). An event for that customer on another node either committed its
 *       invitation before the lock was granted, and the withdrawal, a later statement, sees it; or it waits for the
 *       lock and then sees the prohibition. Either way no invitation is left open.</li>
 *   <li><i>Lift a prohibition</i>: {@code DELETE ... RETURNING} removes and returns the row in one statement. On
 *       PostgreSQL a concurrent second DELETE of the row waits for the first and, once that commits, finds no row:
 *       only one lift gets the prohibition back, so only one writes LIFTED to the history.</li>
 *   <li><i>Show a prohibition, show the history</i>: single SELECTs outside any transaction; each sees the last
 *       committed state. History comes in the order its entries were appended ({@code seq}, numbered by the
 *       database at insert), which is the order the changes took effect: every append follows a winning insert or
 *       delete of the customer's prohibition row and runs while that row stays locked, and the next winning change
 *       of that customer must wait for this one to commit, so its entry gets a later number. Never ordered by
 *       time: a set that waited for a lift to commit carries the earlier arrival time, and two nodes' clocks differ.
 *       (Found by the two-node race test, which once saw SET, SET, LIFTED when sorted by time.)</li>
 *   <li><i>History is append-only</i>: the application has no update or delete, and the database refuses them:
 *       row triggers on UPDATE and DELETE in both, and on PostgreSQL a statement trigger on TRUNCATE too. (A table
 *       owner can still disable triggers; a deployment that must rule that out runs the service as a role that does
 *       not own the table.)</li>
 *   <li><i>Create a key</i>: one INSERT; the key hash is UNIQUE, so two inserts of one key cannot both succeed.</li>
 *   <li><i>Authenticate a key, list keys</i>: single SELECTs by hash, of all keys or of a partner's; no transaction,
 *       no lock; live (unrevoked) keys only.</li>
 *   <li><i>Revoke a key</i>: one {@code UPDATE ... SET revoked_at WHERE key_id, partner_id AND revoked_at IS NULL};
 *       its count says whether this call revoked it. On PostgreSQL a second revocation waits for the first, then
 *       finds the key revoked: exactly one succeeds. The row stays for the audit trail; the hash stays taken. A
 *       request authenticated just before the revocation committed may still finish.</li>
 *   <li><i>Change a key's budget</i>: one {@code UPDATE ... RETURNING} (last writer wins, which is what an admin
 *       changing a budget expects; on PostgreSQL the second waits for the first and then updates the new row).</li>
 *   <li><i>Provision demo keys</i> ("insert keys only if there are none", run by every node as it starts): the check
 *       and the inserts run in one transaction, and {@code ApiKeyRepository.isEmpty()} called inside a transaction
 *       keeps other writers of {@code api_key} out until that transaction ends. On PostgreSQL it first takes
 *       {@code LOCK TABLE api_key IN SHARE ROW EXCLUSIVE MODE}: that mode conflicts with itself and with the
 *       ROW EXCLUSIVE lock every INSERT, UPDATE and DELETE takes, and not with plain reads, so a second node's check
 *       waits until the first has committed its keys, then sees them (its check is a new statement) and inserts
 *       none; an admin creating a key meanwhile waits too, so the check stays true until the demo keys are in.
 *       Chosen over {@code pg_advisory_xact_lock}, which would only exclude other provisioners, not other writers.
 *       The role needs UPDATE, DELETE or TRUNCATE on {@code api_key} for that lock mode; the table owner has them. On
 *       SQLite BEGIN IMMEDIATE already holds the only write lock. Outside a transaction {@code isEmpty()} takes no
 *       lock (none would outlive the statement) and is true only at that moment. Revoked keys count as keys.</li>
 *   <li><i>Create a partner</i>: {@code INSERT ... ON CONFLICT DO NOTHING}; its count says who won.</li>
 *   <li><i>Create or change a survey</i>: the survey row and its channel rows are written in one transaction. A
 *       change runs its UPDATE first, which locks the row, then replaces the channels; on PostgreSQL a concurrent
 *       second change waits, then replaces the whole survey again: last writer wins, never a mix. Every read is one
 *       query joining both tables, so it sees one committed version; the intake reads the active surveys once per
 *       batch, so a change applies from the next batch.</li>
 *   <li><i>Save a template</i>: one {@code INSERT ... ON CONFLICT (survey_id, channel, language) DO UPDATE}; last
 *       writer wins, and two saves of one slot never fail on the key.</li>
 *   <li><i>The funnel</i>: {@code add} merges the counts per (survey, day, step), sorts the keys and upserts them in
 *       one statement per chunk, {@code DO UPDATE SET count = funnel_count.count + excluded.count}: the sum is
 *       computed on the row locked for it, so concurrent adds on any nodes sum exactly, and sorted keys mean two
 *       batches wait for each other's counters in one order only. Reads are single SELECTs.</li>
 *   <li><i>The bank's delivery queue</i> is written in the transaction that makes the invitations (an outbox); a
 *       withdrawn invitation keeps its entry, so the sender must check the invitation's state before sending.</li>
 *   <li><i>A partner's ready list, a partner's invitation</i>: single SELECTs outside any transaction, filtered by
 *       the partner in the statement (another partner's or a bank-delivered invitation is not found); the list pages
 *       by invitation id on the index (partner_id, state, invitation_id). A page is the committed state of its moment:
 *       a claim on another node may take an invitation listed a moment before.</li>
 *   <li><i>Claim invitations</i> (lock up to a limit of the partner's ready invitations, give each a token, mark them
 *       handed over, audit; one transaction): {@code lockReadyForPartner} is one SELECT in id order ending in
 *       {@code LIMIT n FOR UPDATE SKIP LOCKED} on PostgreSQL. Each row it returns is locked to the end of the
 *       transaction; a row another transaction holds is passed over, not waited for, so claims on any number of
 *       nodes take disjoint sets and never queue behind each other. A row that another claim handed over and
 *       committed after this statement's snapshot is re-checked on its newest version (READ COMMITTED) and dropped,
 *       as it is no longer pending; a claim may therefore return fewer than the limit while more are ready. So no
 *       invitation is handed out twice. {@code handOver} then updates exactly those rows (one
 *       {@code UPDATE ... FROM (VALUES ...)} per chunk of 1,000), only while still pending, and fails the
 *       transaction if any was not. On SQLite BEGIN IMMEDIATE has taken the only write lock, so claims run one after
 *       another and the plain SELECT suffices. Refused outside a transaction. A withdrawal meeting a claimed row waits
 *       for the claim, then withdraws it as handed over (handed over is open), so it is never missed.
 *       {@code AbstractInvitationRepositoryContractTest} races claims on two nodes over 200 invitations; its
 *       PostgreSQL subclass shows a claim taking the next rows while another holds the first.</li>
 *   <li><i>Reissue a link, report a delivery</i>: {@code lockForPartner} reads the partner's invitation with
 *       {@code FOR UPDATE} on PostgreSQL (on SQLite the write lock), so the check of its state and the write that
 *       follows ({@code replaceToken}, {@code recordDelivery}: one UPDATE each on the primary key) see a row nothing
 *       else can change meanwhile: a second reissue, a report, a withdrawal or an answer on another node waits, and
 *       then reads what this one committed. The new token hash replaces the old in one statement, so the old link
 *       finds nothing from the commit on; token hashes are UNIQUE (NULLs allowed), so no two invitations share one.
 *       The latest report received replaces the one before.</li>
 *   <li><i>Expire invitations</i> (a job every node runs on its own): one {@code UPDATE ... SET state = 'EXPIRED',
 *       contact_value = NULL WHERE state IN (open) AND expires_at <= now RETURNING}, and in the same transaction the
 *       partners' feed entries for what it returned. Safe on all nodes at once without any coordination: on
 *       PostgreSQL a second run that meets a row the first has updated waits for it, then re-checks the condition on
 *       the new row version, finds it ended and leaves it, so each invitation is ended, and fed, by exactly one run
 *       (tested with runs on two nodes); on SQLite runs take turns. Then one {@code UPDATE} erases any contact point
 *       an ended invitation still holds (withdrawing and expiring erase theirs in the statement that ends them).</li>
 *   <li><i>Erase a customer's survey data</i> (an admin's request): the customer is locked first, as the intake and
 *       a prohibition lock them, so no event can invite them half-way; open invitations are withdrawn (feeding their
 *       partners), then {@code DELETE ... RETURNING} removes every invitation of the customer, after their queue
 *       entries; the audit entry is written in the same transaction. The prohibition tables are not touched.</li>
 *   <li><i>The partner change feed</i> is appended in the transaction that ends the invitations (one multi-row
 *       INSERT per chunk), so an entry exists if and only if the change committed. A reader pages with a cursor, the
 *       position of the last entry it got, and must never skip an entry nor get one twice. On PostgreSQL a cursor of
 *       {@code seq} alone would skip: sequence values are taken at insert but become visible at commit, in another
 *       order, so a reader can see seq 8 (committed) while seq 7 is still in flight, hand out 8 as the cursor, and
 *       never return 7 once it commits. So each entry also carries the writing transaction's id ({@code tx},
 *       {@code xid8}, the column's default {@code pg_current_xact_id()}), the position is (tx, seq), and a page is
 *       {@code (tx, seq) > cursor AND tx < pg_snapshot_xmin(pg_current_snapshot())} in (tx, seq) order: only entries
 *       of transactions older than the oldest transaction still running when the page's statement starts. Every
 *       transaction older than that xmin has ended, so all of its entries that will ever exist are committed and
 *       visible to the page; every transaction that can still append has, or will get, an id at least that xmin,
 *       greater than the tx of anything returned, so its entries land after every cursor handed out. Positions are
 *       unique and only grow, so nothing comes twice. The price: any transaction on the server that has written and
 *       is still running (the reader's own, if it wrote first) holds back the entries of younger ones until it ends,
 *       so a long or idle-in-transaction session delays every feed (never loses an entry). On SQLite writers run one
 *       after another (BEGIN IMMEDIATE), so seq order is commit order; tx is always 0 and the page is
 *       {@code seq > cursor}. {@code PostgresPartnerChangeFeedContractTest} stages a late commit step by step, and
 *       the contract test polls while two nodes append; both fail without the xmin condition.</li>
 *   <li><i>The audit log is append-only</i>: one INSERT per entry, in the use case's transaction (a rolled-back call
 *       leaves none). The application has no update or delete, and the database refuses them: row triggers on UPDATE
 *       and DELETE in both, and a statement trigger on TRUNCATE on PostgreSQL, as for the prohibition history. Reads
 *       are single SELECTs in entry id order (ids are time-ordered where they are made), by partner on the index
 *       (partner_id, entry_id), across partners on the primary key, filtered to the time window.</li>
 * </ul>
 */
package fi.palaute.adapters.persistence;
