package fi.palaute.adapters.http.problem;

/**
 * Every kind of error the API answers with. The {@code type} URIs are stable: clients may switch on them.
 * Titles are fixed text, so an error never echoes what the client sent.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED_JSON("malformed-json", 400, "The request body is not well-formed JSON"),
    UNAUTHORIZED("unauthorized", 401, "A valid API key is required"),
    FORBIDDEN("forbidden", 403, "This key may not do that"),
    NOT_FOUND("not-found", 404, "There is nothing here"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "This method is not allowed here"),
    CONFLICT("conflict", 409, "This conflicts with the current state of the resource"),
    /** Extension member {@code missingTemplates}: the channel and language of each template still missing. */
    TEMPLATES_MISSING("templates-missing", 409, "The survey lacks templates it needs"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body must be application/json"),
    /** Extension member {@code violations}: each names the field, a stable code and the offending fragment. */
    TEMPLATE_REFUSED("template-refused", 422, "The template breaks the rules for invitation templates"),
    RATE_LIMITED("rate-limited", 429, "This key has used up its request budget"),
    BAD_REQUEST("bad-request", 400, "The request cannot be processed"),
    INTERNAL("internal", 500, "Something went wrong on our side"),
    UNAVAILABLE("unavailable", 503, "The service cannot answer right now");

    private static final String PREFIX = "urn:palaute:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type that a plain HTTP status stands for, for errors raised outside our handlers. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION && type != MALFORMED_JSON
                    && type != TEMPLATES_MISSING && type != TEMPLATE_REFUSED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
