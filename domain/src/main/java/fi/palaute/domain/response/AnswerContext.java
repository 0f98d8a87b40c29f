package fi.palaute.domain.response;

import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report groups an answer by (R-REPORT): its survey, the service channel where the matter was handled (none
 * for a study), the controller and the language answered in. Nothing here points at a respondent.
 */
public record AnswerContext(SurveyId surveyId, Optional<Channel> channel, Controller controller, Language language) {

    public AnswerContext {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(language, "language");
    }

    /** The invitation's survey, channel and controller, answered in {@code language}. */
    public static AnswerContext of(Invitation invitation, Language language) {
        return new AnswerContext(invitation.surveyId(), invitation.channel(), invitation.controller(), language);
    }
}
