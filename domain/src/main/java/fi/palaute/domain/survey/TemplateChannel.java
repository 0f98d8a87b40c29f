package fi.palaute.domain.survey;

/**
 * The delivery channels that carry a written invitation, with their limits. An SMS has no subject, and its body
 * is capped at 480 characters (three 160-character messages) so that the rendered text, with the survey link and
 * the notice appended, stays a short message. {@code PHONE} surveys use a call script instead of a template.
 */
public enum TemplateChannel {
    EMAIL(true, 2_000),
    SMS(false, 480);

    public static final int MAX_SUBJECT_LENGTH = 200;

    private final boolean hasSubject;
    private final int maxBodyLength;

    TemplateChannel(boolean hasSubject, int maxBodyLength) {
        this.hasSubject = hasSubject;
        this.maxBodyLength = maxBodyLength;
    }

    /** The written channel that reaches a contact point of this kind. */
    public static TemplateChannel carrying(ContactPointKind kind) {
        return switch (kind) {
            case EMAIL -> EMAIL;
            case MOBILE -> SMS;
        };
    }

    public boolean hasSubject() {
        return hasSubject;
    }

    /** In characters (Unicode code points), as a person would count them. */
    public int maxBodyLength() {
        return maxBodyLength;
    }
}
