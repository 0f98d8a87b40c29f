package fi.palaute.domain.survey;

import fi.palaute.domain.access.PartnerId;
import java.util.Objects;

/** Who delivers a survey's invitations: a partner, who fetches them, or the bank's own sender. */
public sealed interface Deliverer {

    /** The bank sends e-mail over SMTP and text messages through its SMS gateway. */
    record Bank() implements Deliverer {
    }

    /** A data processor acting on the bank's behalf (R-PARTNER). */
    record Partner(PartnerId partnerId) implements Deliverer {
        public Partner {
            Objects.requireNonNull(partnerId, "partnerId");
        }
    }
}
