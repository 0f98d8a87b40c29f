package fi.palaute.domain.survey;

import java.util.Objects;
import java.util.regex.Pattern;

/** A survey's id, made by the service (UUIDv7). It never holds {@code |}, which sampling uses as a separator. */
public record SurveyId(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SurveyId {
        Objects.requireNonNull(value, "surveyId");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("surveyId must be 1-64 letters, digits, '-' or '_'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
