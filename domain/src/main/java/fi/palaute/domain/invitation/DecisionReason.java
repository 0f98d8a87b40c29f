package fi.palaute.domain.invitation;

/**
 * Why a customer was or was not invited, in the order R-TRIGGER checks them: the first that applies is the reason.
 * A redelivered event is not among them; storage returns the first decision for it instead.
 */
public enum DecisionReason {
    STALE,
    PROHIBITED,
    RESTING,
    NOT_SAMPLED,
    NO_CONTACT_POINT,
    INVITED
}
