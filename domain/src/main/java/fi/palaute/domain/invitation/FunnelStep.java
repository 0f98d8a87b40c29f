package fi.palaute.domain.invitation;

/** What the funnel counts per survey and day: each decision reason, and redelivered events. */
public enum FunnelStep {
    STALE,
    PROHIBITED,
    RESTING,
    NOT_SAMPLED,
    NO_CONTACT_POINT,
    INVITED,
    REDELIVERED;

    public static FunnelStep of(DecisionReason reason) {
        return valueOf(reason.name());
    }
}
