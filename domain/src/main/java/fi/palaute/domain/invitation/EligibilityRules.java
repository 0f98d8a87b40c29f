package fi.palaute.domain.invitation;

import java.util.Optional;

/**
 * Whether to invite (R-TRIGGER). The checks run in exactly this order and the first that fails is the reason:
 * stale → prohibited → resting → not sampled → no usable contact point → invited. The order is part of the
 * contract: the funnel counts reasons, and a prohibited customer must show as PROHIBITED even when also resting.
 * A study skips the stale and sampling checks (see {@link Trigger}). Duplicate events are storage's concern and
 * never reach this rule.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    public static Decision decide(EligibilityFacts facts) {
        if (facts.trigger().isStaleAt(facts.now())) {
            return new Decision.NotInvited(DecisionReason.STALE);
        }
        if (facts.prohibited()) {
            return new Decision.NotInvited(DecisionReason.PROHIBITED);
        }
        if (facts.contactFrequency().isResting(facts.previousInvitations(), facts.now())) {
            return new Decision.NotInvited(DecisionReason.RESTING);
        }
        if (!facts.trigger().isSampled()) {
            return new Decision.NotInvited(DecisionReason.NOT_SAMPLED);
        }
        Optional<ContactPoint> contactPoint = facts.contactPoints().usableFor(facts.deliveryChannel());
        if (contactPoint.isEmpty()) {
            return new Decision.NotInvited(DecisionReason.NO_CONTACT_POINT);
        }
        return new Decision.Invited(contactPoint.get());
    }
}
