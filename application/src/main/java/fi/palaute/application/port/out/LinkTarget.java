package fi.palaute.application.port.out;

import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyState;
import java.util.List;
import java.util.Objects;

/**
 * What a survey link leads to: its invitation, in any state, with what answering needs to know of the invitation's
 * survey. Read together in one indexed statement ({@link InvitationRepository#findLinkTarget}), so that every link,
 * answerable or not, costs the same single read.
 */
public record LinkTarget(Invitation invitation, SurveyState surveyState, boolean anonymous, List<Language> languages) {

    public LinkTarget {
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(surveyState, "surveyState");
        languages = List.copyOf(languages);
    }
}
