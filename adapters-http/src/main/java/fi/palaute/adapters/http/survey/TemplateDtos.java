package fi.palaute.adapters.http.survey;

import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.TemplateViolation;
import java.time.Instant;
import java.util.Locale;

/** The JSON shapes of invitation templates and their mapping from the domain. */
final class TemplateDtos {

    /** The link a preview shows where each customer's own link will be. */
    static final String PREVIEW_LINK = "https://palaute.example/s/EXAMPLE-LINK";

    private TemplateDtos() {
    }

    /** A template as its author writes it; an SMS has no subject. */
    record TemplateBody(String subject, String body) {
    }

    record TemplateView(
            String surveyId, String channel, String language, String subject, String body, Instant updatedAt,
            Preview preview) {

        static TemplateView of(InvitationTemplate template) {
            InvitationTemplate.RenderedInvitation rendered = template.render(PREVIEW_LINK);
            return new TemplateView(template.surveyId().value(), template.slot().channel().name(),
                    template.slot().language().code(), template.subject(), template.body(), template.updatedAt(),
                    new Preview(rendered.subject(), rendered.body()));
        }
    }

    /** What a customer would receive: the link filled in, the notice appended. */
    record Preview(String subject, String body) {
    }

    /**
     * One reason a template was refused. The fragment is the author's own text, quoted so that they can find it;
     * a template holds no customer's data.
     */
    record ViolationView(String field, String code, String fragment, String message) {
        static ViolationView of(TemplateViolation violation) {
            return new ViolationView(violation.field().name().toLowerCase(Locale.ROOT), violation.code().name(),
                    violation.fragment(), violation.message());
        }
    }
}
