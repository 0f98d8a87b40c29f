package fi.palaute.application.port.in.answer;

import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.survey.Language;
import java.util.Objects;

/**
 * The survey page's form: the token from the link, the answer, and the language the page was shown in (the marker
 * language of a scrubbed comment, and the language the answer counts in). {@link #toString()} hides the token.
 */
public record SubmitAnswerCommand(String token, NpsAnswer answer, Language language) {

    public SubmitAnswerCommand {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() {
        return "SubmitAnswerCommand[token=<hidden>, answer=" + answer + ", language=" + language + "]";
    }
}
