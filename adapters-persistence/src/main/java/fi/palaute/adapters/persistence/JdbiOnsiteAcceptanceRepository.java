package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.OnsiteAcceptanceRepository;
import fi.palaute.domain.response.OnsiteAcceptance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Customers' answers to interview invitations, one row per invitation (its primary key, so an invitation is answered
 * once here too). The place is free text: it never goes into a message.
 */
public final class JdbiOnsiteAcceptanceRepository implements OnsiteAcceptanceRepository {

    private final Jdbi jdbi;

    JdbiOnsiteAcceptanceRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One INSERT, in the caller's transaction. */
    @Override
    public void insert(String invitationId, OnsiteAcceptance acceptance, Instant recordedAt) {
        OnsiteAcceptanceRow row = OnsiteAcceptanceRow.of(invitationId, acceptance, recordedAt);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO onsite_acceptance (invitation_id, accepted, meeting_at, place, recorded_at)
                        VALUES (:invitationId, :accepted, :meetingAt, :place, :recordedAt)""")
                .bindMethods(row)
                .execute());
    }

    /** One DELETE per {@link Chunks chunk} of ids, on the primary key. */
    @Override
    public int deleteForInvitations(List<String> invitationIds) {
        if (invitationIds.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(handle -> {
            int deleted = 0;
            for (List<String> chunk : Chunks.of(invitationIds)) {
                deleted += handle.createUpdate("DELETE FROM onsite_acceptance WHERE invitation_id IN (<ids>)")
                        .bindList("ids", chunk)
                        .execute();
            }
            return deleted;
        });
    }

    /** A row of {@code onsite_acceptance}: accepted as 0/1, the meeting's time and place NULL for a no. */
    public record OnsiteAcceptanceRow(
            String invitationId, int accepted, Long meetingAt, String place, long recordedAt) {

        static OnsiteAcceptanceRow of(String invitationId, OnsiteAcceptance acceptance, Instant recordedAt) {
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(acceptance, "acceptance");
            if (acceptance instanceof OnsiteAcceptance.Accepted accepted) {
                return new OnsiteAcceptanceRow(invitationId, 1, accepted.meetingAt().toEpochMilli(), accepted.place(),
                        recordedAt.toEpochMilli());
            }
            if (acceptance instanceof OnsiteAcceptance.Declined) {
                return new OnsiteAcceptanceRow(invitationId, 0, null, null, recordedAt.toEpochMilli());
            }
            throw new IllegalStateException("an acceptance is accepted or declined");
        }

        /** Hides the place, should a row ever be printed. */
        @Override
        public String toString() {
            return "OnsiteAcceptanceRow[invitationId=" + invitationId + ", accepted=" + accepted + "]";
        }
    }
}
