package fi.palaute.domain.survey;

import java.util.List;
import java.util.Objects;

/** What {@link TemplateCheck} decided: a template is valid, or refused for one or more named reasons. */
public sealed interface TemplateCheckResult permits TemplateCheckResult.Valid, TemplateCheckResult.Refused {

    boolean isValid();

    /** Empty for a valid template. */
    List<TemplateViolation> violations();

    record Valid() implements TemplateCheckResult {

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public List<TemplateViolation> violations() {
            return List.of();
        }
    }

    record Refused(List<TemplateViolation> violations) implements TemplateCheckResult {

        public Refused {
            Objects.requireNonNull(violations, "violations");
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refused template names at least one violation");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }
    }
}
