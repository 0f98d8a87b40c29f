package fi.palaute.domain.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InvitationTemplateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyRenderedInvitationCarriesTheNoticeInItsLanguageAndTheLinkOnce(Language language) {
        InvitationTemplate template = new InvitationTemplate(new SurveyId("s1"),
                new TemplateSlot(TemplateChannel.SMS, language), "", "OP: {{surveyLink}}", NOW);

        InvitationTemplate.RenderedInvitation rendered = template.render("https://palaute.op.fi/s/abc");

        assertEquals("OP: https://palaute.op.fi/s/abc\n\n" + NeverAsksForCodesNotice.text(language), rendered.body());
        assertEquals("", rendered.subject());
        assertTrue(rendered.body().endsWith(NeverAsksForCodesNotice.text(language)));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aTemplateThatFailsTheCheckCannotBeBuilt(Language language) {
        assertThrows(IllegalArgumentException.class, () -> new InvitationTemplate(new SurveyId("s1"),
                new TemplateSlot(TemplateChannel.SMS, language), "", "{{surveyLink}} https://evil.example", NOW));
    }
}
