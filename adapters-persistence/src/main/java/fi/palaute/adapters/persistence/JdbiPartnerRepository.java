package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The survey partners (data processors), one row each. */
public final class JdbiPartnerRepository implements PartnerRepository {

    private static final RowMapper<PartnerRow> ROW = ConstructorMapper.of(PartnerRow.class);

    private final Jdbi jdbi;

    JdbiPartnerRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One statement decides, with no prior SELECT: of two concurrent inserts of one id, on any nodes, exactly one
     * stores its row (on PostgreSQL the second waits on the primary key for the first to end).
     */
    @Override
    public boolean insertIfAbsent(Partner partner) {
        PartnerRow row = PartnerRow.of(partner);
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO partner (partner_id, name, created_at)
                        VALUES (:partnerId, :name, :createdAt)
                        ON CONFLICT (partner_id) DO NOTHING""")
                .bindMethods(row)
                .execute());
        return inserted == 1;
    }

    @Override
    public Optional<Partner> find(PartnerId id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT partner_id, name, created_at FROM partner WHERE partner_id = :partnerId")
                .bind("partnerId", id.value())
                .map(ROW)
                .findOne()
                .map(PartnerRow::toDomain));
    }

    /** By id, byte by byte (COLLATE "C" on PostgreSQL), so both databases give the same order. */
    @Override
    public List<Partner> findAll() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT partner_id, name, created_at FROM partner ORDER BY partner_id")
                .map(ROW)
                .map(PartnerRow::toDomain)
                .list());
    }

    /** A row of {@code partner}. */
    public record PartnerRow(String partnerId, String name, long createdAt) {

        static PartnerRow of(Partner partner) {
            return new PartnerRow(partner.id().value(), partner.name(), partner.createdAt().toEpochMilli());
        }

        Partner toDomain() {
            return new Partner(new PartnerId(partnerId), name, Instant.ofEpochMilli(createdAt));
        }
    }
}
