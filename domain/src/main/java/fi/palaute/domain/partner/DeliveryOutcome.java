package fi.palaute.domain.partner;

/** How a partner's delivery attempt went. */
public enum DeliveryOutcome {
    DELIVERED,
    BOUNCED,
    FAILED
}
