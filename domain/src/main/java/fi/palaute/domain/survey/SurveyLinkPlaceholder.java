package fi.palaute.domain.survey;

import java.util.Objects;

/**
 * The one link a template may hold. Authors write the literal {@value #TOKEN}; the service puts the customer's own
 * survey link in its place when it renders an invitation, so no address in a template is ever typed by a person.
 */
public final class SurveyLinkPlaceholder {

    public static final String TOKEN = "{{surveyLink}}";

    private SurveyLinkPlaceholder() {
    }

    /** How many times the exact placeholder occurs (case matters: {@code {{surveylink}}} is not it). */
    public static int countIn(String text) {
        Objects.requireNonNull(text, "text");
        int count = 0;
        for (int at = text.indexOf(TOKEN); at >= 0; at = text.indexOf(TOKEN, at + TOKEN.length())) {
            count++;
        }
        return count;
    }

    /**
     * The template with the placeholder replaced by the customer's link. Only a checked template may be rendered,
     * so one without exactly one placeholder is a bug, not a customer's mistake.
     */
    public static String fill(String template, String surveyLink) {
        Objects.requireNonNull(surveyLink, "surveyLink");
        if (countIn(template) != 1) {
            throw new IllegalArgumentException("a template to render must hold " + TOKEN + " exactly once");
        }
        return template.replace(TOKEN, surveyLink);
    }
}
