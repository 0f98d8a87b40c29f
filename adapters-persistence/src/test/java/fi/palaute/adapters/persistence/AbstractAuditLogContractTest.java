package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.BETA;
import static fi.palaute.adapters.persistence.TestData.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.AuditLog;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.AuditEntry.Action;
import fi.palaute.domain.partner.AuditEntry.Outcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link AuditLog}; a subclass supplies the database. */
public abstract class AbstractAuditLogContractTest {

    protected Database database;
    protected AuditLog audit;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** The URL (without credentials) of a new, empty database, which the test migrates itself. */
    protected abstract String emptyDatabaseUrl();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        audit = database.auditLog();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /** A UUIDv7-shaped id whose order is the order of {@code n}. */
    protected static String entryId(int n) {
        return String.format("0195f3a0-0000-7000-9000-%012d", n);
    }

    private static String recordId(int n) {
        return String.format("0195f3a0-0000-7000-8000-%012d", n);
    }

    protected static AuditEntry entry(int id, PartnerId partner, Action action, List<String> records, Instant at) {
        return new AuditEntry(entryId(id), Optional.of(partner), "key-" + partner.value(), action, records, at,
                Outcome.OK);
    }

    private static final Instant FROM = at(0);
    private static final Instant TO = at(3_600);

    @Test
    void anEntryComesBackExactlyWithNoneOneOrManyRecords() {
        AuditEntry none = new AuditEntry(entryId(1), Optional.of(ACME), "k-1", Action.REISSUE_INVITATION, List.of(), at(1),
                Outcome.NOT_FOUND);
        AuditEntry one = new AuditEntry(entryId(2), Optional.of(ACME), "k-1", Action.SHOW_INVITATION, List.of(recordId(1)),
                at(2).plusMillis(7), Outcome.OK);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add(recordId(i));
        }
        AuditEntry claim = new AuditEntry(entryId(3), Optional.of(BETA), "k-2", Action.CLAIM_INVITATIONS, many, at(3),
                Outcome.OK);
        audit.append(none);
        audit.append(one);
        audit.append(claim);

        assertEquals(List.of(none, one, claim), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
    }

    @Test
    void everyActionAndOutcomeIsStoredExactly() {
        List<AuditEntry> entries = new ArrayList<>();
        int id = 0;
        for (Action action : Action.values()) {
            for (Outcome outcome : Outcome.values()) {
                id++;
                Optional<PartnerId> partner = action.byPartner() ? Optional.of(ACME) : Optional.empty();
                entries.add(new AuditEntry(entryId(id), partner, "k-1", action, List.of(recordId(id)), at(id), outcome));
            }
        }
        entries.forEach(audit::append);

        assertEquals(entries, audit.find(Optional.empty(), FROM, TO, Optional.empty(), 100));
        assertEquals(entries.stream().filter(e -> e.action().byPartner()).toList(),
                audit.find(Optional.of(ACME), FROM, TO, Optional.empty(), 100), "an admin's entry belongs to no partner");
    }

    /** By entry id, which is time-ordered where the ids are made, never by the time an entry carries. */
    @Test
    void entriesComeByIdWithinTheWindowOfOnePartnerOrAllPagedAfterAnId() {
        AuditEntry atTheStart = entry(10, ACME, Action.LIST_INVITATIONS, List.of(), FROM);
        AuditEntry betas = entry(11, BETA, Action.READ_CHANGES, List.of(recordId(1)), at(5));
        AuditEntry later = entry(12, ACME, Action.CLAIM_INVITATIONS, List.of(recordId(2)), at(4));
        AuditEntry atTheEnd = entry(13, ACME, Action.REPORT_DELIVERY, List.of(recordId(3)), TO);
        AuditEntry before = entry(9, ACME, Action.SHOW_INVITATION, List.of(recordId(4)), FROM.minusMillis(1));
        AuditEntry last = entry(14, ACME, Action.SHOW_INVITATION, List.of(recordId(5)), TO.minusMillis(1));
        for (AuditEntry entry : List.of(last, atTheEnd, later, before, betas, atTheStart)) {
            audit.append(entry);
        }

        assertEquals(List.of(atTheStart, betas, later, last),
                audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10), "from inclusive, to exclusive");
        assertEquals(List.of(atTheStart, later, last), audit.find(Optional.of(ACME), FROM, TO, Optional.empty(), 10));
        assertEquals(List.of(betas), audit.find(Optional.of(BETA), FROM, TO, Optional.empty(), 10));
        assertEquals(List.of(atTheStart, later), audit.find(Optional.of(ACME), FROM, TO, Optional.empty(), 2));
        assertEquals(List.of(last), audit.find(Optional.of(ACME), FROM, TO, Optional.of(later.entryId()), 2));
        assertEquals(List.of(later, last),
                audit.find(Optional.empty(), FROM, TO, Optional.of(betas.entryId()), 10));
        assertEquals(List.of(), audit.find(Optional.empty(), FROM, TO, Optional.of(last.entryId()), 10));
        assertEquals(List.of(before, atTheStart, later),
                audit.find(Optional.of(ACME), FROM.minusMillis(1), at(5), Optional.empty(), 10));
        assertEquals(List.of(), audit.find(Optional.of(new PartnerId("gamma")), FROM, TO, Optional.empty(), 10));
    }

    @Test
    void anEntryIdIsStoredOnce() {
        audit.append(entry(20, ACME, Action.LIST_INVITATIONS, List.of(), at(0)));

        assertThrows(RuntimeException.class,
                () -> audit.append(entry(20, BETA, Action.READ_CHANGES, List.of(), at(1))));

        assertEquals(1, audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10).size());
    }

    /** The ids are joined with ',' in one column, so an id that holds one (or is empty) could not come back. */
    @Test
    void aRecordIdThatCouldNotComeBackIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> audit.append(entry(30, ACME, Action.SHOW_INVITATION, List.of("a,b"), at(0))));
        assertThrows(IllegalArgumentException.class,
                () -> audit.append(entry(31, ACME, Action.SHOW_INVITATION, List.of(recordId(1), ""), at(0))));

        assertEquals(List.of(), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
    }

    @Test
    void anEntryAppendedInATransactionThatFailsIsRolledBackWithIt() {
        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            audit.append(entry(40, ACME, Action.CLAIM_INVITATIONS, List.of(recordId(1)), at(0)));
            throw new IllegalStateException("the use case failed");
        }));

        assertEquals(List.of(), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
    }

    @Test
    void theDatabaseRefusesToEditAnEntry() {
        AuditEntry entry = entry(50, ACME, Action.SHOW_INVITATION, List.of(recordId(1)), at(0));
        audit.append(entry);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                handle.execute("UPDATE audit_entry SET outcome = 'REFUSED', record_ids = ''")));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(entry), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
    }

    @Test
    void theDatabaseRefusesToDeleteAnEntry() {
        AuditEntry entry = entry(60, ACME, Action.SHOW_INVITATION, List.of(recordId(1)), at(0));
        audit.append(entry);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                handle.execute("DELETE FROM audit_entry WHERE partner_id = ?", ACME.value())));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(entry), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
    }

    @Test
    void thePartnerOfAnEntryIsThereExactlyWhenAPartnerActed() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                handle.execute("INSERT INTO audit_entry (entry_id, partner_id, key_id, action, record_ids, at, outcome)"
                        + " VALUES (?, NULL, 'k', 'SHOW_INVITATION', '', 0, 'OK')", entryId(77))));
        assertTrue(refused.getMessage() != null);
        assertEquals(List.of(), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
    }

    // ---- retention: the one removal there is ----

    private long cutoffsStored() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM audit_removal_cutoff")
                .mapTo(long.class)
                .one());
    }

    @Test
    void retentionRemovesTheEntriesMadeBeforeTheCutoffOnlyAndLeavesNoCutoffBehind() {
        AuditEntry oldest = entry(80, ACME, Action.LIST_INVITATIONS, List.of(), at(0));
        AuditEntry older = entry(81, BETA, Action.RECORD_RESPONSE, List.of(recordId(1)), at(10));
        AuditEntry justBefore = entry(82, ACME, Action.RECORD_ONSITE_ACCEPTANCE, List.of(recordId(2)),
                at(20).minusMillis(1));
        AuditEntry atTheCutoff = entry(83, ACME, Action.SHOW_INVITATION, List.of(recordId(3)), at(20));
        AuditEntry newer = entry(84, BETA, Action.READ_CHANGES, List.of(), at(30));
        List.of(oldest, older, justBefore, atTheCutoff, newer).forEach(audit::append);

        int removed = database.transactions().inTransaction(() -> audit.removeBefore(at(20)));

        assertEquals(3, removed);
        assertEquals(List.of(atTheCutoff, newer), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
        assertEquals(0, cutoffsStored(), "no cutoff outlives the removal");
        assertEquals(0, database.transactions().inTransaction(() -> audit.removeBefore(at(20))));
    }

    @Test
    void retentionOutsideATransactionRunsInOneOfItsOwn() {
        AuditEntry old = entry(85, ACME, Action.LIST_INVITATIONS, List.of(), at(0));
        AuditEntry kept = entry(86, ACME, Action.LIST_INVITATIONS, List.of(), at(100));
        audit.append(old);
        audit.append(kept);

        assertEquals(1, audit.removeBefore(at(50)));

        assertEquals(List.of(kept), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
        assertEquals(0, cutoffsStored());
    }

    @Test
    void aRemovalInATransactionThatFailsRemovesNothing() {
        AuditEntry old = entry(87, ACME, Action.CLAIM_INVITATIONS, List.of(recordId(1)), at(0));
        audit.append(old);

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            assertEquals(1, audit.removeBefore(at(50)));
            throw new IllegalStateException("the use case failed");
        }));

        assertEquals(List.of(old), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
        assertEquals(0, cutoffsStored());
    }

    /** After a removal, an entry older than its cutoff is as safe from a plain DELETE or UPDATE as ever. */
    @Test
    void afterARemovalThePlainDeleteAndUpdateOfAnOldEntryAreStillRefused() {
        AuditEntry old = entry(88, ACME, Action.SHOW_INVITATION, List.of(recordId(1)), at(0));
        audit.append(old);
        assertEquals(0, audit.removeBefore(at(0)), "entries at the cutoff stay");

        RuntimeException deleteRefused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(
                handle -> handle.execute("DELETE FROM audit_entry WHERE at < ?", at(50).toEpochMilli())));
        RuntimeException updateRefused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(
                handle -> handle.execute("UPDATE audit_entry SET record_ids = '' WHERE at < ?",
                        at(50).toEpochMilli())));

        assertTrue(String.valueOf(deleteRefused.getMessage()).contains("append-only"), deleteRefused::getMessage);
        assertTrue(String.valueOf(updateRefused.getMessage()).contains("append-only"), updateRefused::getMessage);
        assertEquals(List.of(old), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
    }

    /** Even in a transaction that holds a cutoff, as a removal does, an UPDATE is refused. */
    @Test
    void anUpdateIsRefusedEvenWhileACutoffIsInForce() {
        AuditEntry old = entry(89, ACME, Action.SHOW_INVITATION, List.of(recordId(1)), at(0));
        audit.append(old);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.transactions().inTransaction(
                () -> database.jdbi().withHandle(handle -> {
                    handle.execute("INSERT INTO audit_removal_cutoff (cutoff) VALUES (?)", at(50).toEpochMilli());
                    return handle.execute("UPDATE audit_entry SET outcome = 'REFUSED'");
                })));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(old), audit.find(Optional.empty(), FROM, TO, Optional.empty(), 10));
        assertEquals(0, cutoffsStored());
    }

    /**
     * V4 widens the action CHECK (SQLite by rebuilding the table): an entry written under V3 comes through it
     * unchanged, and still guarded.
     */
    @Test
    void anEntryWrittenBeforeTheLogWasWidenedKeepsItsValueAndItsGuards() throws Exception {
        String url = emptyDatabaseUrl();
        Database.Vendor vendor = Database.Vendor.of(url);
        String user = vendor == Database.Vendor.POSTGRESQL ? PostgresTestDatabases.USER : null;
        String password = vendor == Database.Vendor.POSTGRESQL ? PostgresTestDatabases.PASSWORD : null;
        Flyway.configure().dataSource(url, user, password).locations("classpath:" + vendor.migrations).target("3")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry"
                        + " (entry_id, partner_id, key_id, action, record_ids, at, outcome)"
                        + " VALUES (?, ?, 'key-1', 'CLAIM_INVITATIONS', ?, ?, 'OK')")) {
            insert.setString(1, entryId(90));
            insert.setString(2, ACME.value());
            insert.setString(3, recordId(1) + "," + recordId(2));
            insert.setLong(4, at(0).toEpochMilli());
            insert.executeUpdate();
        }

        try (Database widened = Database.open(url, user, password, 2)) {
            AuditEntry before = new AuditEntry(entryId(90), Optional.of(ACME), "key-1", Action.CLAIM_INVITATIONS,
                    List.of(recordId(1), recordId(2)), at(0), Outcome.OK);
            AuditEntry after = entry(91, ACME, Action.RECORD_RESPONSE, List.of(recordId(3)), at(1));
            widened.auditLog().append(after);
            assertEquals(List.of(before, after),
                    widened.auditLog().find(Optional.empty(), FROM, TO, Optional.empty(), 10));
            assertThrows(RuntimeException.class, () -> widened.jdbi().useHandle(handle ->
                    handle.execute("DELETE FROM audit_entry")));
            assertThrows(RuntimeException.class, () -> widened.jdbi().useHandle(handle ->
                    handle.execute("UPDATE audit_entry SET outcome = 'REFUSED'")));
            assertEquals(1, widened.auditLog().removeBefore(at(1)));
            assertEquals(List.of(after), widened.auditLog().find(Optional.empty(), FROM, TO, Optional.empty(), 10));
        }
    }
}
