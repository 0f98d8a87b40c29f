/**
 * The persistence adapter: Jdbi repositories over a HikariCP pool, Flyway migrations per database
 * ({@code db/migration/sqlite}, {@code db/migration/postgresql}, chosen from the JDBC URL by
 * {@link fi.palaute.adapters.persistence.Database}; besides the SQL, one Java migration for both, V7,
 * {@link fi.palaute.adapters.persistence.AnswerPartCountsFromAnswers}, which {@code Database.migrations} registers),
 * and the transaction runner. The repositories send the same SQL to both databases; what differs is in
 * {@code Database.Vendor}: PostgreSQL's locks ({@code apiKeyWriteLock}, {@code customerLocks}, the clauses
 * {@code claimLock} and {@code rowLock}, and V7's {@code answersLock}), which SQLite does not need, the change feed's
 * page ({@code feedPage}), the release of held anonymous answers ({@code anonymousRelease}), and how many shards an
 * answer counter is spread over ({@code counterShards}).
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
 * PostgreSQL does not; the contract tests therefore matter most on PostgreSQL. Group commit
 * ({@link fi.palaute.adapters.persistence.JdbiTransactionRunner}): the use cases that queue in this process while
 * another commits run one after another in the next transaction and share its commit (should one throw, the batch
 * is rolled back and each runs again alone, in order); serial order is kept, so every isolation argument below
 * holds as if each had its own transaction.
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
 * Answering keeps the order: the customer first, then the one invitation row ({@code markAnswered}), then new rows (the
 * answer, its follow-up, feed and audit entries) and the answer's counter row (its week part's); {@code follow_up}'s
 * one foreign key checks the answer written just before in the same transaction, a row no one else locks. Counter rows
 * are the one kind of existing row that answers of different customers share: every writer (an answer, a bulk of them,
 * a release) upserts them in one fixed order (week, month, survey, channel, controller, language, shard), and waits for
 * no other lock after them, so transactions queue on a counter but never deadlock over counters. The release of held
 * anonymous answers takes one table lock, which nothing else that runs here waits for or holds, and then only held rows
 * already committed and new rows of {@code anonymous_answer}. One pair can meet in opposite orders: retention's
 * multi-row updates of follow-ups and answers (no customer lock) and a prohibition's or an erasure's updates of one
 * customer's rows of the same tables. That needs two of one customer's rows both older than the retention cutoff and
 * still active or linked, changed at the same moment; should it happen, PostgreSQL ends one transaction with a
 * deadlock error (40P01), which rolls it back whole, and it can simply run again.
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
 *       lock and then sees the prohibition. Either way no invitation is left open. Then, still under the lock,
 *       {@code FollowUpRepository.cancelActiveOfCustomer} cancels the open and taken follow-ups of the customer's
 *       answers in one UPDATE; an answer on another node either committed its follow-up before the lock was
 *       granted, and is cancelled, or waits and then finds its invitation withdrawn, so it stores nothing.</li>
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
 *   <li><i>Erase a customer's survey data</i> (an admin's request): the customer is locked first, as the intake,
 *       a prohibition and an answer lock them, so no event can invite them and no answer be stored half-way; open
 *       invitations are withdrawn (feeding their partners); the follow-ups of the customer's answers are deleted
 *       (one DELETE through the answers, so before the next step, which cuts that way); the answers are
 *       de-identified (one UPDATE on the index by customer: the answers stay for the summaries); then
 *       {@code DELETE ... RETURNING} removes every invitation of the customer, after their queue entries, and the
 *       interview acceptances of the removed ids (one DELETE per chunk); the audit entry is written in the same
 *       transaction. The prohibition tables are not touched.</li>
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
 *       leaves none). The application has no update, and no delete but retention's (below); the database refuses
 *       them: row triggers on UPDATE and DELETE in both, and a statement trigger on TRUNCATE on PostgreSQL, as for
 *       the prohibition history. Reads are single SELECTs in entry id order (ids are time-ordered where they are
 *       made), by partner on the index (partner_id, entry_id), across partners on the primary key, filtered to the
 *       time window.</li>
 *   <li><i>Submit an answer</i> (the survey page's POST; one transaction): {@code findLinkTarget} is one SELECT on
 *       the unique index by token hash, with the survey joined on its primary key for its state, anonymity and
 *       languages, whatever the state (a used, expired, withdrawn or unknown token cost the same read); the use case checks the state, then locks the customer ({@code CustomerLocks}, as a prohibition
 *       and an erasure do), then {@code markAnswered}: one {@code UPDATE invitation SET state = 'ANSWERED',
 *       contact_value = NULL, token_hash = NULL, state_changed_at = :recordedAt WHERE invitation_id = :id AND
 *       state = 'HANDED_OVER' AND expires_at > :now}, whose count says whether this call used the invitation. Only
 *       the winner goes on: the partner's feed entry, the answer (one INSERT into {@code identified_answer} or
 *       {@code anonymous_answer_held}, see R-ANON below) and, for an identified detractor who allowed contact, the
 *       follow-up (one INSERT, after the answer it points at). Exactly one of any number of submissions of one link,
 *       on any nodes, wins even without the customer lock: on PostgreSQL a second UPDATE of the row waits for the
 *       first to commit, then re-checks its WHERE on the new version (READ COMMITTED), finds it answered and changes
 *       nothing; on SQLite the transactions take turns. The lock orders the answer against a prohibition or an erasure
 *       of the same customer: whichever comes second sees what the first committed (a withdrawn invitation, or an
 *       answer and a follow-up to cancel or erase). The token hash goes in the same statement, so a used link finds
 *       nothing from the commit on. {@code AbstractInvitationRepositoryContractTest} races fifty submissions on two
 *       nodes.</li>
 *   <li><i>A partner records an answer taken by phone, or a yes or no to an interview</i>: the same, except that
 *       the partner's own invitation is found by id (a plain read, filtered to the partner), and an interview's
 *       answer is one INSERT into {@code onsite_acceptance}, whose primary key is the invitation: answered once
 *       there too. The audit entry is written in the same transaction.</li>
 *   <li><i>List and show follow-ups</i>: single SELECTs joining each follow-up with its answer on the answer's
 *       primary key; a list pages by follow-up id (time-ordered) on the index (channel, state, follow_up_id) for one
 *       channel, on the primary key for all.</li>
 *   <li><i>Take or close a follow-up</i>: one conditional UPDATE each on the primary key,
 *       {@code ... WHERE follow_up_id = :id AND state = 'OPEN'} (take) or {@code state IN ('OPEN', 'TAKEN')} (close),
 *       then a read of the row as it now is. Of two agents on two nodes taking one follow-up, the second UPDATE waits
 *       for the first, re-checks, and finds it taken: exactly one takes it (raced in the contract test); a take and a
 *       cancellation settle the same way. The change is stamped with the later of its time and the opening, so a node
 *       whose clock is behind never writes a change before the follow-up opened.</li>
 *   <li><i>Release held anonymous answers</i> (a job every node may run; one transaction, not the answer's):
 *       on PostgreSQL {@code LOCK TABLE anonymous_answer_held IN SHARE UPDATE EXCLUSIVE MODE}, then one SELECT of
 *       the count and oldest week held, then, when due, one {@code WITH moved AS (DELETE ... RETURNING ...) INSERT
 *       INTO anonymous_answer ... SELECT ... FROM moved ORDER BY answer_id}, whose main SELECT counts the moved rows
 *       by week, survey, channel, controller, language and score; on SQLite that count, then the INSERT ... SELECT
 *       and a DELETE. Then the counts are added to the answers' counters (below). Releases on any nodes take turns,
 *       and an answer moves, and counts, once; see R-ANON below.</li>
 *   <li><i>Count answers</i> (in the transaction that stores or releases them; see "Reporting" below): the answers'
 *       counter rows, one per week part and context, are tallied in memory, then one multi-row upsert per chunk adds
 *       to each row once.</li>
 *   <li><i>Read a report</i> ({@code AnswerCountRepository.counts}): one SELECT outside any transaction, summing
 *       counter rows over a range of the primary key; it sees the last committed counts, which always agree with the
 *       answers committed.</li>
 *   <li><i>Dashboard sessions</i>: one statement each, outside any transaction: an INSERT, a SELECT or a DELETE on
 *       the primary key (the session secret's SHA-256; the secret is never stored), and the removal of expired
 *       sessions, {@code DELETE ... WHERE expires_at <= :now} on the index by expiry. Shared by every node; two
 *       nodes removing expired sessions at once remove each once (on PostgreSQL the second DELETE waits for the
 *       first's row locks and then finds the rows gone).</li>
 *   <li><i>Retention</i> (a job every node may run; one transaction): cancel the active follow-ups opened before the
 *       cutoff (one UPDATE on a partial index of active follow-ups by opening time), de-identify the answers given
 *       before it that are still linked (one UPDATE on a partial index of linked answers by time; the answer stays),
 *       and remove the audit entries older than the audit log's period ({@code AuditLog.removeBefore}). Runs on
 *       several nodes at once change each row once: each statement is conditional on the row still being active,
 *       linked or present, and on PostgreSQL a second run meeting a row the first changed waits, re-checks and leaves
 *       it. The audit log's removal is the one DELETE its trigger lets through, and only for entries older than a
 *       cutoff in {@code audit_removal_cutoff}: {@code removeBefore} inserts its cutoff, deletes the older entries
 *       and empties that table again, all in the caller's transaction, so no committed state holds a cutoff. Another
 *       transaction never sees an uncommitted one (on PostgreSQL it reads its own snapshot and is refused at once, as
 *       {@code PostgresAuditLogContractTest} shows; on SQLite it cannot run meanwhile), so any other DELETE stays
 *       refused, and UPDATE and TRUNCATE are refused always. Whoever owns the tables could write a cutoff, as they
 *       could disable a trigger: the guard is against mistakes, not against the owner.</li>
 * </ul>
 *
 * <h2>Reporting: counters kept with the answers</h2>
 *
 * <p>Reports (R-REPORT) are read from {@code answer_part_count}, never from the answers: one row per week part
 * (the days of one ISO week that fall in one month: {@code week_key} {@code 2026-W49} and {@code month_key}
 * {@code 2026-11} or {@code 2026-12}), survey, channel ({@code NONE} for a study's answers), controller, language and
 * shard, holding the numbers of promoters, passives and detractors. A part is the finest bucket both weeks and months
 * are sums of: a week is its one or two parts, a month the parts of the weeks it touches, and quarters and years are
 * months; the application adds them up, and disclosure control protects the weeks and the months of a year together
 * from the one set of parts. Which part an answer counts in is the domain's rule ({@code AnswerBuckets}): an
 * identified answer by its Finnish day (that day's week and month), an anonymous one, kept only to its ISO week, in
 * that week and the month of the week's Thursday.
 *
 * <p><b>In the answer's transaction.</b> {@code AnswerRepository.insert} and {@code insertAll} add the answers to
 * their counters in the transaction that stores them, {@code releaseHeldAnonymousAnswers} in the one that publishes
 * them (a held anonymous answer does not count until then: it is not yet where answers are read, and counted in the
 * transaction that used its invitation, the counter row's new version would carry that transaction's {@code xmin},
 * joining the answer's survey, channel, language and category to the invitation; see R-ANON below). Counts and answers
 * so commit or roll back together and always agree, on any number of nodes, with no job to catch up and nothing to
 * rebuild. Answers are never deleted (erasure and retention de-identify them and they stay in the summaries), so
 * counters only grow. The write is {@code INSERT ... ON CONFLICT (the whole key) DO UPDATE SET promoters =
 * answer_part_count.promoters + excluded.promoters, ...}, one statement on both databases: the addition is made on
 * the row as it is once locked, so concurrent writers sum exactly (raced on two nodes in the contract test). A bulk of
 * answers is tallied in memory first and each counter row touched once, so a year of demo answers costs one INSERT
 * per thousand answers and an upsert per thousand counter rows.
 *
 * <p><b>From V5's counters.</b> Until V6 the counters were {@code answer_count}, one row per week and one per month
 * (a "grain"), which cannot say how many of a month's answers fall in each of its weeks. V6 makes
 * {@code answer_part_count}; V7 ({@code AnswerPartCountsFromAnswers}, a Java migration, since Finnish days need
 * {@code java.time}'s time zone rules and SQLite has none) fills it from the answers stored, counted as above (the
 * released anonymous ones only, all into shard 0, through {@code AnswerCounters}), and drops {@code answer_count}, in
 * one transaction. So a database migrated from V5 reports the same week and month totals as before
 * ({@code AbstractAnswerCountRepositoryContractTest} migrates one on both databases and compares). On PostgreSQL V7
 * first takes {@code SHARE} on the two answer tables, so that a node still running the version before can store no
 * answer between V7's reads and its commit; after the commit such a node fails on the dropped table and stores
 * nothing, so the old version's nodes are stopped when this one starts.
 *
 * <p><b>Shards.</b> On PostgreSQL the upsert locks its row until the answer's transaction commits, so concurrent
 * answers of one busy combination (one survey, channel, controller and language, this week) would all queue on one
 * row. Each counter is spread over eight rows instead ({@code shard} 0-7, part of the key): a write picks one at
 * random, so two concurrent answers of one combination wait for each other one time in eight, and reads sum the
 * shards. On SQLite writers take turns anyway (BEGIN IMMEDIATE), so every write goes to shard 0 and reads sum one row.
 *
 * <p><b>Why a report does not cost more as answers accumulate.</b> {@code counts} is one SELECT, {@code WHERE week_key
 * BETWEEN ? AND ? GROUP BY week_key, month_key, <the dimensions asked for>}, on the primary key (week_key, month_key,
 * ...): week keys sort as text in week order ({@code COLLATE "C"} on PostgreSQL, as SQLite compares text), so the range
 * is one contiguous run of the index (of the table itself on SQLite, where it is {@code WITHOUT ROWID}). The
 * application chooses the range (disclosure control reads whole years of weeks, and the weeks at their edges whose
 * parts fall in them); a month's parts are those of the weeks that touch it. It reads at most one row per week part,
 * combination and shard that has answers, whether those hold ten answers or a million: the cost grows with the range
 * and the number of combinations, not with the number of answers. The dimensions' columns come from a fixed
 * enum-to-column map, never from the request. {@code AbstractAnswerCountRepositoryContractTest} checks the plans on
 * both databases (SQLite: {@code SEARCH answer_part_count USING PRIMARY KEY (week_key>? AND week_key<?)}; PostgreSQL:
 * the primary key with the week range as its index condition) and prints them: for 20,000 answers over three years,
 * 7,278 counter rows, of which a quarter's weeks broken down by channel and language read 596 for 1,620 answers.
 *
 * <h2>R-ANON and PostgreSQL's system columns</h2>
 *
 * <p>{@code anonymous_answer} has no column that leads back to a customer (the contract tests read the catalogue),
 * and on SQLite it is {@code WITHOUT ROWID}, so rows keep no insertion order either. PostgreSQL has no such table
 * option, and every row carries system columns no {@code SELECT *} lists: {@code xmin}, the id of the transaction
 * that wrote it, and {@code ctid}, its place in the heap, which follows insertion order. An answer is submitted in the
 * transaction that marks its invitation answered (and appends the partner's feed entry, whose {@code tx} is the same
 * transaction's id); a row written there carries that invitation row's {@code xmin}, and anyone who can read the
 * tables can join the two.
 *
 * <p><b>Hold, then release in batches.</b> So the submission only holds an anonymous answer: one INSERT into
 * {@code anonymous_answer_held}, a table defined exactly as {@code anonymous_answer} that nothing reads. A job calls
 * {@code AnswerRepository.releaseHeldAnonymousAnswers} in a transaction of its own, which counts the held answers
 * and, when there are at least the minimum batch (a setting, {@code PALAUTE_ANONYMOUS_RELEASE_BATCH}, default 10) or
 * one is from a week that has ended, moves every one of them, of all surveys, in one statement ({@code DELETE ...
 * RETURNING} feeding the INSERT), in the order of their random ids. Each published row then carries the release's
 * {@code xmin}, shared with the rest of its batch and with no invitation, and its {@code ctid} follows its random id,
 * not the order the answers came in. {@code PostgresAnswerRepositoryContractTest} checks both, and that a held row's
 * {@code xmin} is its invitation's (so the check can fail).
 *
 * <p><b>On several nodes.</b> A release first takes {@code SHARE UPDATE EXCLUSIVE} on {@code anonymous_answer_held}
 * until it ends: that mode conflicts with itself (and with VACUUM and schema changes) but not with the INSERTs that
 * hold answers nor with reads, so releases on any nodes take turns while answers go on being held. (It needs
 * UPDATE, DELETE or TRUNCATE on the table, and the release deletes from it anyway. A release that meets autovacuum
 * on the table waits for it, and PostgreSQL cancels an autovacuum that blocks a lock for {@code deadlock_timeout}.)
 * Its count is a statement after the lock, so it sees what the release before committed; its move then sees the same
 * answers or more (held since; only a release deletes), so no batch comes out below the minimum unless a week has
 * ended. And each answer moves once: the move deletes exactly the rows it inserts, in one statement, and a second
 * release that met the same rows (which the lock already prevents) would wait for their row locks and then find them
 * gone. The lock is needed for the minimum, not for moving once: without it, a release that counted while another was
 * moving would, once that one committed, move only the answers held since, perhaps one (without the lock the contract
 * tests' race gets batches of 1 and 2, and {@code PostgresAnswerRepositoryContractTest} stages such a release). On
 * SQLite BEGIN IMMEDIATE makes releases take turns as it does every writer, and the INSERT ... SELECT and the DELETE
 * of the held rows run in one transaction.
 *
 * <p><b>What remains.</b>
 * <ul>
 *   <li><i>The held window.</i> Until it is released a held row does share its {@code xmin} with its invitation
 *       (and its partner's feed entry, if any): a reader of the tables meanwhile can join them with a query. The
 *       window lasts until the held answers of all surveys reach the minimum batch, at most until the job's first
 *       run after the end of their week; a larger minimum makes batches hide more and windows longer.</li>
 *   <li><i>Dead tuples.</i> The release deletes the held rows, but PostgreSQL keeps the deleted versions, with their
 *       {@code xmin} and their content, in {@code anonymous_answer_held}'s heap until VACUUM (autovacuum) reclaims
 *       them. No query sees them, but whoever reads the data files (or pages, through a superuser's
 *       {@code pageinspect}) can still join them to invitations until then. The same holds, for as long as they are
 *       kept, for the WAL, which logs each insert with its transaction id, for WAL archives and base backups, and on
 *       SQLite for the WAL file, where the held row and the invitation are pages of one transaction's frames until
 *       a checkpoint has let them be overwritten.</li>
 *   <li><i>The timing of releases.</i> The rows of a batch are all published at once, by one transaction whose
 *       {@code xmin} places it among the invitations' (transactions get their ids in the order they first write).
 *       Someone who watches what each release publishes learns that each new answer was given between the release
 *       before and this one, which narrows it to the invitations answered in that span: a batch hides each of its
 *       answers among its others, and no better. A batch forced out by the end of a week can be smaller than the
 *       minimum, down to one answer when only one was given in a whole week, on all surveys together.</li>
 * </ul>
 * R-ANON therefore holds on PostgreSQL against a reader of the tables through SQL once an answer is released; not
 * against someone with the data files, the WAL or backups before VACUUM and their expiry, nor during the held
 * window.
 */
package fi.palaute.adapters.persistence;
