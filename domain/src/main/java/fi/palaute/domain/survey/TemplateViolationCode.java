package fi.palaute.domain.survey;

/** Why a template is refused; stable names that clients may branch on. */
public enum TemplateViolationCode {
    /** An e-mail template needs a subject. */
    SUBJECT_MISSING,
    /** An SMS has no subject, so text there would silently never be sent. */
    SUBJECT_NOT_ALLOWED,
    BODY_MISSING,
    TOO_LONG,
    /** The body does not hold {@code {{surveyLink}}}. */
    PLACEHOLDER_MISSING,
    /** The body holds {@code {{surveyLink}}} more than once: exactly one link is allowed. */
    PLACEHOLDER_REPEATED,
    /** The subject holds {@code {{surveyLink}}}: the link belongs in the body. */
    PLACEHOLDER_IN_SUBJECT,
    /** {@code {{surveyLink}}} glued to other address text, as in {@code {{surveyLink}}/login}. */
    PLACEHOLDER_ALTERED,
    /** A {@code {…}} or {@code {{…}}} that is not the placeholder: it would be sent as written. */
    UNKNOWN_PLACEHOLDER,
    /** Any address other than the placeholder: URL, host name, e-mail address, IP, shortener, disguised link. */
    FOREIGN_LINK,
    /** An HTML or markdown link, which shows one text and leads somewhere the customer cannot see. */
    LINK_MARKUP,
    /** An invisible formatting or control character, which can split or reorder what the customer reads. */
    HIDDEN_CHARACTER,
    ASKS_TO_LOG_IN,
    ASKS_FOR_BANKING_CODES,
    ASKS_FOR_CARD_DATA,
    ASKS_FOR_PERSONAL_IDENTITY_NUMBER
}
