package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Each partner's feed of ended invitations. The database numbers each entry as it is inserted ({@code seq}) and, on
 * PostgreSQL, stamps it with the writing transaction's id ({@code tx}); a position is the pair, and a page is read
 * with {@link Database.Vendor#feedPage}, which on PostgreSQL holds back every entry of a transaction that is not older
 * than the oldest one still running. Why a cursor then never skips nor repeats an entry is in package-info.
 */
public final class JdbiPartnerChangeFeed implements PartnerChangeFeed {

    private static final RowMapper<PartnerChangeRow> ROW = ConstructorMapper.of(PartnerChangeRow.class);

    private final Jdbi jdbi;
    private final String page;

    JdbiPartnerChangeFeed(Jdbi jdbi, Database.Vendor vendor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.page = vendor.feedPage;
    }

    /**
     * One multi-row INSERT per {@link Chunks chunk}, in the caller's transaction: the entries are numbered in the
     * order given, and on PostgreSQL stamped with that transaction's id (the column's default), so they become
     * readable together, once it has ended and every older transaction has too.
     */
    @Override
    public void append(List<PartnerChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> PlainJdbc.on(handle, "append to the partners' feeds", connection -> {
            for (List<PartnerChange> chunk : Chunks.of(changes)) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner_change (partner_id,"
                        + " invitation_id, kind, at) VALUES " + Chunks.rowsOfParameters(chunk.size(), 4))) {
                    int position = 1;
                    for (PartnerChange change : chunk) {
                        insert.setString(position++, change.partnerId().value());
                        insert.setString(position++, change.invitationId());
                        insert.setString(position++, change.kind().name());
                        insert.setLong(position++, change.at().toEpochMilli());
                    }
                    insert.executeUpdate();
                }
            }
            return null;
        }));
    }

    /** One SELECT on the index (partner_id, tx, seq), which gives the rows in page order. */
    @Override
    public List<FeedEntry> after(PartnerId partnerId, FeedCursor cursor, int limit) {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return jdbi.withHandle(handle -> handle.createQuery(page)
                .bind("partnerId", partnerId.value())
                .bind("tx", Long.toString(cursor.transaction()))
                .bind("seq", cursor.sequence())
                .bind("limit", limit)
                // SQLite's page has no use for the cursor's transaction: it is always 0 there.
                .configure(SqlStatements.class, statements -> statements.setUnusedBindingAllowed(true))
                .map(ROW)
                .map(PartnerChangeRow::toDomain)
                .list());
    }

    /**
     * A row of {@code partner_change}; {@code transactionId} is its {@code tx} as decimal text (an xid8 on
     * PostgreSQL, whose epoch would have to pass 2^31 before it no longer fits a signed long; always 0 on SQLite).
     */
    public record PartnerChangeRow(
            String transactionId, long seq, String partnerId, String invitationId, String kind, long at) {

        FeedEntry toDomain() {
            long transaction;
            try {
                transaction = Long.parseLong(transactionId);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("feed entry " + seq + " has a transaction id beyond a signed long");
            }
            return new FeedEntry(new FeedCursor(transaction, seq), new PartnerChange(new PartnerId(partnerId),
                    invitationId, PartnerChange.Kind.valueOf(kind), Instant.ofEpochMilli(at)));
        }
    }
}
