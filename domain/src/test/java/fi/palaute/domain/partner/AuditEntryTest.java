package fi.palaute.domain.partner;

import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aPartnersActionNamesItsPartnerAndAnAdminsErasureNamesNone() {
        new AuditEntry("e1", Optional.of(new PartnerId("p")), "k", AuditEntry.Action.CLAIM_INVITATIONS, List.of(), AT,
                AuditEntry.Outcome.OK);
        new AuditEntry("e2", Optional.empty(), "k", AuditEntry.Action.ERASE_CUSTOMER_DATA, List.of(), AT,
                AuditEntry.Outcome.OK);
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry("e3", Optional.empty(), "k",
                AuditEntry.Action.SHOW_INVITATION, List.of(), AT, AuditEntry.Outcome.OK));
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry("e4", Optional.of(new PartnerId("p")), "k",
                AuditEntry.Action.ERASE_CUSTOMER_DATA, List.of(), AT, AuditEntry.Outcome.OK));
    }
}
