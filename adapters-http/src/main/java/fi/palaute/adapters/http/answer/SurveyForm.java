package fi.palaute.adapters.http.answer;

import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.survey.Language;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The survey form as the browser sent it ({@code application/x-www-form-urlencoded}): kept as typed, so a form
 * with mistakes can be shown again with everything the customer wrote.
 *
 * @param score    the chosen score as sent; empty when none was chosen
 * @param comment  the comment with line breaks as {@code \n}; empty when none was written
 * @param contact  the "you may contact me" box was ticked
 * @param language the page's language, from the hidden {@code lang} field, when it names one
 */
record SurveyForm(String score, String comment, boolean contact, Optional<Language> language) {

    static final String SCORE = "score";
    static final String COMMENT = "comment";
    static final String CONTACT = "contact";
    static final String CONTACT_YES = "yes";
    static final String LANG = "lang";

    /** What can be wrong with a form, in the order the fields stand on the page. */
    enum Mistake {
        SCORE_MISSING, COMMENT_TOO_LONG
    }

    static final SurveyForm EMPTY = new SurveyForm("", "", false, Optional.empty());

    SurveyForm {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(language, "language");
    }

    /**
     * Reads the body. Another content type, a field given twice or a value that is not well-formed counts as not
     * given: the customer then sees the form again with what is missing, never an error of ours.
     */
    static SurveyForm read(Context ctx) {
        Map<String, List<String>> fields = ctx.isFormUrlencoded() ? ctx.formParamMap() : Map.of();
        return new SurveyForm(
                single(fields, SCORE).orElse(""),
                single(fields, COMMENT).map(SurveyForm::unifyLineBreaks).orElse(""),
                single(fields, CONTACT).filter(CONTACT_YES::equals).isPresent(),
                single(fields, LANG).flatMap(SurveyForm::languageOf));
    }

    /** The page language a {@code lang} parameter names: exactly {@code fi}, {@code sv} or {@code en}. */
    static Optional<Language> languageOf(String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The one value of a field; none when it is missing or given more than once. */
    static Optional<String> single(Map<String, List<String>> fields, String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    List<Mistake> mistakes() {
        List<Mistake> mistakes = new ArrayList<>();
        if (scoreValue().isEmpty()) {
            mistakes.add(Mistake.SCORE_MISSING);
        }
        String stripped = comment.strip();
        if (stripped.codePointCount(0, stripped.length()) > NpsAnswer.MAX_COMMENT_LENGTH) {
            mistakes.add(Mistake.COMMENT_TOO_LONG);
        }
        return mistakes;
    }

    /** The answer; only for a form without {@link #mistakes()}. */
    NpsAnswer answer() {
        return new NpsAnswer(new NpsScore(scoreValue().orElseThrow()), Optional.of(comment), contact);
    }

    /** The score, when it is exactly one of {@code 0} to {@code 10} as the radio buttons send it. */
    Optional<Integer> scoreValue() {
        for (int value = NpsScore.MIN; value <= NpsScore.MAX; value++) {
            if (Integer.toString(value).equals(score)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Browsers send a textarea's line breaks as CR LF but count them as one character against {@code maxlength}:
     * counted as sent, a comment the browser allowed could be refused.
     */
    private static String unifyLineBreaks(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
