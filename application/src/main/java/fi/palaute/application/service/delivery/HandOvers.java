package fi.palaute.application.service.delivery;

import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.SurveyLinks;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.partner.HandedOverInvitation;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.InvitationTemplate.RenderedInvitation;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateSlot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns invitations into what their partner receives: a fresh link on the public base URL and the text rendered
 * from the survey's template for the contact point's channel and the invitation's language (with the notice that
 * OP never asks for banking codes). One instance per use-case call: it remembers the templates it has read, so a
 * claim of 1,000 invitations reads each template once.
 */
final class HandOvers {

    private final TemplateRepository templates;
    private final SurveyLinks links;
    private final Map<String, Optional<InvitationTemplate>> read = new HashMap<>();

    HandOvers(TemplateRepository templates, SurveyLinks links) {
        this.templates = templates;
        this.links = links;
    }

    HandedOverInvitation of(Invitation invitation, SurveyToken token) {
        String link = links.linkFor(token);
        return new HandedOverInvitation(invitation.id(), invitation.deliveryChannel(), invitation.openContactPoint(),
                invitation.language(), link, invitation.expiresAt(), text(invitation, link));
    }

    /** No text for a phone survey (a call script), nor, should one be missing, without its template. */
    private Optional<RenderedInvitation> text(Invitation invitation, String link) {
        if (invitation.deliveryChannel().templateChannels().isEmpty()) {
            return Optional.empty();
        }
        TemplateSlot slot = new TemplateSlot(TemplateChannel.carrying(invitation.openContactPoint().kind()),
                invitation.language());
        Optional<InvitationTemplate> template = read.computeIfAbsent(invitation.surveyId().value() + "|" + slot,
                key -> templates.find(invitation.surveyId(), slot));
        return template.map(t -> t.render(link));
    }
}
