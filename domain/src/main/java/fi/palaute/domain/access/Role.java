package fi.palaute.domain.access;

/** What a key may do. Each key has exactly one role. */
public enum Role {
    ADMIN,
    EVENT_SOURCE,
    PARTNER,
    CUSTOMER_SERVICE,
    SELF_SERVICE,
    ANALYST
}
