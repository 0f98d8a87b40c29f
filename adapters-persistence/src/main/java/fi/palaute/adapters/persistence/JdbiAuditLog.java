package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.AuditLog;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.AuditEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * What partners did: one row per entry, never changed. The application has no update, and its only delete is
 * retention ({@link #removeBefore}); the database refuses every UPDATE, every DELETE but retention's (and TRUNCATE on
 * PostgreSQL) with triggers; see the V3 and V4 migrations and package-info.
 */
public final class JdbiAuditLog implements AuditLog {

    private static final RowMapper<AuditEntryRow> ROW = ConstructorMapper.of(AuditEntryRow.class);
    private static final String COLUMNS = "entry_id, partner_id, key_id, action, record_ids, at, outcome";
    /** Between the record ids in {@code record_ids}: they are UUIDs, and an id containing it is refused. */
    private static final String SEPARATOR = ",";

    private final Jdbi jdbi;

    JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One INSERT, in the caller's transaction; fails (with a Jdbi exception) when the entry id is already stored. */
    @Override
    public void append(AuditEntry entry) {
        AuditEntryRow row = AuditEntryRow.of(entry);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO audit_entry (" + COLUMNS + ") VALUES"
                        + " (:entryId, :partnerId, :keyId, :action, :recordIds, :at, :outcome)")
                .bindMethods(row)
                .execute());
    }

    /**
     * Retention, the one removal the database lets through: in one transaction (the caller's, or its own when there
     * is none) it writes the cutoff to {@code audit_removal_cutoff}, which the delete trigger then reads, deletes
     * the entries before it on the index by time, and empties the cutoff table again, so that no committed state
     * ever holds a cutoff another DELETE could use. Other transactions never see the uncommitted cutoff (and on
     * SQLite cannot run meanwhile), so their DELETEs stay refused. Runs on several nodes at once count each entry
     * once: a second DELETE meeting a row the first removed waits for it and skips it. See the V4 migration.
     */
    @Override
    public int removeBefore(Instant cutoff) {
        long before = cutoff.toEpochMilli();
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("INSERT INTO audit_removal_cutoff (cutoff) VALUES (:cutoff)")
                    .bind("cutoff", before)
                    .execute();
            int removed = handle.createUpdate("DELETE FROM audit_entry WHERE at < :cutoff")
                    .bind("cutoff", before)
                    .execute();
            handle.execute("DELETE FROM audit_removal_cutoff");
            return removed;
        });
    }

    /**
     * One SELECT in entry id order: on the index (partner_id, entry_id) for one partner, on the primary key for all.
     * The time window is a filter on those rows.
     */
    @Override
    public List<AuditEntry> find(Optional<PartnerId> partnerId, Instant from, Instant to,
            Optional<String> afterEntryId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE at >= :from AND at < :to"
                            + (partnerId.isPresent() ? " AND partner_id = :partnerId" : "")
                            + (afterEntryId.isPresent() ? " AND entry_id > :afterEntryId" : "")
                            + " ORDER BY entry_id LIMIT :limit")
                    .bind("from", from.toEpochMilli())
                    .bind("to", to.toEpochMilli())
                    .bind("limit", limit);
            partnerId.ifPresent(partner -> query.bind("partnerId", partner.value()));
            afterEntryId.ifPresent(after -> query.bind("afterEntryId", after));
            return query.map(ROW).map(AuditEntryRow::toDomain).list();
        });
    }

    /** A row of {@code audit_entry}: the record ids joined with ',' ('' for none). */
    public record AuditEntryRow(
            String entryId,
            String partnerId,
            String keyId,
            String action,
            String recordIds,
            long at,
            String outcome) {

        static AuditEntryRow of(AuditEntry entry) {
            for (String id : entry.recordIds()) {
                if (id.isEmpty() || id.contains(SEPARATOR)) {
                    throw new IllegalArgumentException("an audited record id must be non-empty and without ','");
                }
            }
            return new AuditEntryRow(
                    entry.entryId(),
                    entry.partnerId().map(PartnerId::value).orElse(null),
                    entry.keyId(),
                    entry.action().name(),
                    String.join(SEPARATOR, entry.recordIds()),
                    entry.at().toEpochMilli(),
                    entry.outcome().name());
        }

        AuditEntry toDomain() {
            return new AuditEntry(
                    entryId,
                    Optional.ofNullable(partnerId).map(PartnerId::new),
                    keyId,
                    AuditEntry.Action.valueOf(action),
                    recordIds.isEmpty() ? List.of() : Arrays.asList(recordIds.split(SEPARATOR, -1)),
                    Instant.ofEpochMilli(at),
                    AuditEntry.Outcome.valueOf(outcome));
        }
    }
}
