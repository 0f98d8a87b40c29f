package fi.palaute.domain.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored survey: its definition and where it is in its life. */
public record Survey(SurveyId id, SurveyDefinition definition, SurveyState state, Instant createdAt, Instant updatedAt) {

    public Survey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Why this survey may not take the given definition and state, or empty when it may. Templates are checked by
     * the caller, who can see them.
     */
    public Optional<String> refusalOf(SurveyDefinition next, SurveyState nextState) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(nextState, "nextState");
        if (state == SurveyState.CLOSED) {
            return Optional.of("state: the survey is closed; a closed survey does not change");
        }
        if (!state.canBecome(nextState)) {
            return Optional.of("state: a " + state + " survey cannot become " + nextState);
        }
        if (state != SurveyState.DRAFT && !definition.sameFixedPartsAs(next)) {
            return Optional.of("kind, deliveryChannel, deliveredBy, partnerId and anonymous are fixed once a survey"
                    + " has left DRAFT; make a new survey instead");
        }
        return Optional.empty();
    }

    public Survey changedTo(SurveyDefinition next, SurveyState nextState, Instant now) {
        return new Survey(id, next, nextState, createdAt, now);
    }

    public boolean isActive() {
        return state == SurveyState.ACTIVE;
    }
}
