package fi.palaute.domain.followup;

/**
 * How the team closed a follow-up. A fixed list rather than free text: a note about a conversation with a customer
 * would be personal data kept outside the answer's own retention.
 */
public enum FollowUpOutcome {
    RESOLVED,
    CUSTOMER_NOT_REACHED,
    CUSTOMER_DECLINED,
    NO_ACTION_NEEDED
}
