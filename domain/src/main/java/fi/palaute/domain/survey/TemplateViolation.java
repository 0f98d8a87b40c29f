package fi.palaute.domain.survey;

import java.util.Objects;

/**
 * One reason a template is refused: where it is, what the author wrote there (at most
 * {@value #MAX_FRAGMENT_LENGTH} characters, so an error can quote it) and a message for the author, in English.
 * The fragment is empty only when the fault is an absence (no body, no subject).
 */
public record TemplateViolation(TemplateField field, TemplateViolationCode code, String fragment, String message) {

    public static final int MAX_FRAGMENT_LENGTH = 60;

    public TemplateViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fragment, "fragment");
        Objects.requireNonNull(message, "message");
        if (fragment.length() > MAX_FRAGMENT_LENGTH) {
            throw new IllegalArgumentException("fragment must be at most " + MAX_FRAGMENT_LENGTH + " characters");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("message must say what is wrong");
        }
    }
}
