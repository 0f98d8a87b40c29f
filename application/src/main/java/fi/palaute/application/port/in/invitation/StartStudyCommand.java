package fi.palaute.application.port.in.invitation;

import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.survey.SurveyId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A customer list for an active study survey; each customer at most once. */
public record StartStudyCommand(SurveyId surveyId, Controller controller, List<StudyInvitee> invitees) {

    public static final int MAX_INVITEES = 1_000;

    public StartStudyCommand {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(controller, "controller");
        invitees = List.copyOf(invitees);
        if (invitees.isEmpty() || invitees.size() > MAX_INVITEES) {
            throw new IllegalArgumentException("a study list holds 1-" + MAX_INVITEES + " customers");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < invitees.size(); i++) {
            if (!seen.add(invitees.get(i).customerId().value())) {
                throw new IllegalArgumentException("customers[" + i + "].customerId: appears earlier in the list");
            }
        }
    }
}
