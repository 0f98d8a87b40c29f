package fi.palaute.application.port.in.answer;

import fi.palaute.domain.survey.Language;

/**
 * A customer submits the survey page (R-NPS). The token is used exactly once, whatever races it: one submission is
 * {@link Answered}, every other one, and every used, expired, withdrawn or unknown token, {@link NotAnswerable}.
 */
@FunctionalInterface
public interface SubmitAnswerUseCase {

    Result submit(SubmitAnswerCommand command);

    sealed interface Result {
    }

    /** Stored; the thank-you page is shown in {@code language}. */
    record Answered(Language language, boolean anonymous) implements Result {
    }

    record NotAnswerable() implements Result {
    }
}
