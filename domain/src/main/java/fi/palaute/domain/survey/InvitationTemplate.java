package fi.palaute.domain.survey;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved invitation template: it passed {@link TemplateCheck} when it was saved, and only such a template can be
 * built (the constructor checks again). Rendering fills the one survey link and appends the notice that OP never
 * asks for banking codes through a link, in the template's language (R-TEMPLATE).
 */
public record InvitationTemplate(
        SurveyId surveyId, TemplateSlot slot, String subject, String body, Instant updatedAt) {

    public InvitationTemplate {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!(TemplateCheck.check(slot.channel(), subject, body) instanceof TemplateCheckResult.Valid)) {
            throw new IllegalArgumentException("only a template that passes the template check can be saved");
        }
    }

    /** The text a customer receives: the link in place of the placeholder, the notice after it. */
    public RenderedInvitation render(String surveyLink) {
        String filled = SurveyLinkPlaceholder.fill(body, surveyLink);
        return new RenderedInvitation(subject, NeverAsksForCodesNotice.appendTo(filled, slot.language()));
    }

    /** What an invitation says; the subject is empty for a text message. */
    public record RenderedInvitation(String subject, String body) {
        public RenderedInvitation {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
        }
    }
}
