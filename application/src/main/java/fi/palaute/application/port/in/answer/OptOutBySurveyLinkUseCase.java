package fi.palaute.application.port.in.answer;

import fi.palaute.domain.survey.Language;

/**
 * "I do not want surveys" on the survey page (R-OPTOUT): sets the customer's prohibition with source
 * {@code SURVEY_LINK}, which withdraws their open invitations (this one too) and cancels open follow-ups. A survey
 * link can set a prohibition, never lift one. Only a link that could still be answered can do it.
 */
@FunctionalInterface
public interface OptOutBySurveyLinkUseCase {

    Result optOut(String token);

    sealed interface Result {
    }

    /** Set now or already in force; the confirmation is shown in {@code language}. */
    record Prohibited(Language language) implements Result {
    }

    record NotAnswerable() implements Result {
    }
}
