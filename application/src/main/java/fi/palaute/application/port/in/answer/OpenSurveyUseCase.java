package fi.palaute.application.port.in.answer;

import fi.palaute.domain.survey.Language;
import java.util.List;

/**
 * A customer opens a survey link (R-NOLOGIN). Opening changes nothing, since mail scanners open links too. A used,
 * expired, withdrawn or unknown token all answer {@link NotAnswerable}, by the same path through the database.
 */
@FunctionalInterface
public interface OpenSurveyUseCase {

    Result open(String token);

    sealed interface Result {
    }

    /** The page to show: in the invitation's language, offering the survey's languages, anonymous or not. */
    record Answerable(Language language, List<Language> languages, boolean anonymous) implements Result {

        public Answerable {
            languages = List.copyOf(languages);
        }
    }

    record NotAnswerable() implements Result {
    }
}
