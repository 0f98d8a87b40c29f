package fi.palaute.domain.invitation;

import java.util.Objects;

/** The outcome for one customer and survey: invited through one contact point, or not, and why. */
public sealed interface Decision {

    DecisionReason reason();

    /** Invited; the contact point is the one the survey's delivery channel will use. */
    record Invited(ContactPoint contactPoint) implements Decision {
        public Invited {
            Objects.requireNonNull(contactPoint, "contactPoint");
        }

        @Override
        public DecisionReason reason() {
            return DecisionReason.INVITED;
        }
    }

    record NotInvited(DecisionReason reason) implements Decision {
        public NotInvited {
            Objects.requireNonNull(reason, "reason");
            if (reason == DecisionReason.INVITED) {
                throw new IllegalArgumentException("an invitation is made with its contact point");
            }
        }
    }
}
