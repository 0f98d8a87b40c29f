package fi.palaute.adapters.http.answer;

import static fi.palaute.adapters.http.answer.Html.escape;

import fi.palaute.adapters.http.answer.SurveyForm.Mistake;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.survey.Language;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders the customer's pages as plain HTML: no script, no inline style, nothing from another host, so they work
 * without JavaScript and under the strict Content-Security-Policy. Each page is a function of what it is given and
 * nothing else; the not-answerable page is given only its language, so it is the same bytes for every token.
 * Every page ends with the promise that OP never asks for banking codes, card data or a personal identity number.
 */
final class SurveyPages {

    static final String STYLESHEET = "/assets/survey.css";
    static final String SURVEY_PATH = "/s/";
    static final String OPT_OUT_SEGMENT = "/opt-out";
    private static final List<Language> ALL_LANGUAGES = List.of(Language.values());

    private SurveyPages() {
    }

    /**
     * The survey form, fresh or shown again with the customer's {@code mistakes}.
     *
     * @param token     the link's token; only in the forms' {@code action}s, which post back to this same link
     * @param languages the survey's languages, offered as links when there are several
     */
    record FormPage(String token, Language language, List<Language> languages, boolean anonymous, SurveyForm input,
            List<Mistake> mistakes) {

        FormPage {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(language, "language");
            languages = List.copyOf(languages);
            Objects.requireNonNull(input, "input");
            mistakes = List.copyOf(mistakes);
        }

        @Override
        public String toString() {
            return "FormPage[token=<hidden>, language=" + language + ", mistakes=" + mistakes + "]";
        }
    }

    static byte[] form(FormPage page) {
        SurveyTexts t = SurveyTexts.of(page.language());
        String action = SURVEY_PATH + Html.pathSegment(page.token());
        StringBuilder main = new StringBuilder();
        main.append("<h1>").append(escape(t.pageTitle())).append("</h1>\n");
        if (!page.mistakes().isEmpty()) {
            errorSummary(main, t, page.mistakes());
        }
        if (page.anonymous()) {
            main.append("<p class=\"anonymous\" id=\"anonymous\">").append(escape(t.anonymousStatement()))
                    .append("</p>\n");
        }
        main.append("<form class=\"answer\" method=\"post\" action=\"").append(escape(action))
                .append("\" accept-charset=\"utf-8\">\n");
        hiddenLanguage(main, page.language());
        scoreFieldset(main, t, page);
        commentField(main, t, page);
        if (!page.anonymous()) {
            main.append("<div class=\"field checkbox\">\n<input type=\"checkbox\" id=\"contact\" name=\"")
                    .append(SurveyForm.CONTACT).append("\" value=\"").append(SurveyForm.CONTACT_YES).append('"')
                    .append(page.input().contact() ? " checked" : "").append(">\n<label for=\"contact\">")
                    .append(escape(t.contactLabel())).append("</label>\n</div>\n");
        }
        main.append("<button type=\"submit\" class=\"primary\">").append(escape(t.submit())).append("</button>\n");
        main.append("</form>\n");

        main.append("<section class=\"opt-out\" aria-labelledby=\"opt-out-title\">\n<h2 id=\"opt-out-title\">")
                .append(escape(t.optOutTitle())).append("</h2>\n<p>").append(escape(t.optOutIntro()))
                .append("</p>\n<form method=\"post\" action=\"").append(escape(action + OPT_OUT_SEGMENT))
                .append("\" accept-charset=\"utf-8\">\n");
        hiddenLanguage(main, page.language());
        main.append("<button type=\"submit\" class=\"secondary\">").append(escape(t.optOutButton()))
                .append("</button>\n</form>\n</section>\n");

        String title = (page.mistakes().isEmpty() ? "" : t.errorTitlePrefix()) + t.pageTitle();
        return layout(page.language(), title, page.languages(), main.toString());
    }

    static byte[] thanks(Language language, boolean anonymous) {
        SurveyTexts t = SurveyTexts.of(language);
        String main = heading(t.thanksTitle()) + paragraph(t.thanksText())
                + (anonymous ? paragraph(t.thanksAnonymous()) : "");
        return layout(language, t.thanksTitle(), List.of(language), main);
    }

    static byte[] optedOut(Language language) {
        SurveyTexts t = SurveyTexts.of(language);
        return layout(language, t.optedOutTitle(), List.of(language),
                heading(t.optedOutTitle()) + paragraph(t.optedOutText()));
    }

    /** The same page for a used, expired, withdrawn or unknown link: it depends on the language alone. */
    static byte[] notAnswerable(Language language) {
        SurveyTexts t = SurveyTexts.of(language);
        return layout(language, t.notAnswerableTitle(), ALL_LANGUAGES,
                heading(t.notAnswerableTitle()) + paragraph(t.notAnswerableText()));
    }

    /** A failure, ours or a request no browser sends; the error id ties it to the log line. */
    static byte[] error(Language language, Optional<String> errorId) {
        SurveyTexts t = SurveyTexts.of(language);
        String main = heading(t.errorTitle()) + paragraph(t.errorText())
                + errorId.map(id -> "<p class=\"error-id\">" + escape(t.errorIdLabel()) + ": <code>" + escape(id)
                        + "</code></p>\n").orElse("");
        return layout(language, t.errorTitle(), ALL_LANGUAGES, main);
    }

    private static void errorSummary(StringBuilder main, SurveyTexts t, List<Mistake> mistakes) {
        // focused on load (no script needed), so a keyboard or screen-reader user starts at what to fix
        main.append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\""
                + " tabindex=\"-1\" autofocus>\n")
                .append("<h2 id=\"error-summary-title\">").append(escape(t.errorSummaryTitle())).append("</h2>\n<ul>\n");
        for (Mistake mistake : mistakes) {
            main.append("<li><a href=\"#").append(fieldId(mistake)).append("\">").append(escape(message(t, mistake)))
                    .append("</a></li>\n");
        }
        main.append("</ul>\n</div>\n");
    }

    private static void scoreFieldset(StringBuilder main, SurveyTexts t, FormPage page) {
        boolean wrong = page.mistakes().contains(Mistake.SCORE_MISSING);
        Optional<Integer> chosen = page.input().scoreValue();
        main.append("<fieldset class=\"score").append(wrong ? " has-error" : "")
                .append("\" aria-describedby=\"score-hint").append(wrong ? " score-error" : "").append("\">\n")
                .append("<legend>").append(escape(t.question())).append("</legend>\n")
                .append("<p class=\"hint\" id=\"score-hint\">")
                .append(escape(NpsScore.MIN + " = " + t.scaleLow() + ", " + NpsScore.MAX + " = " + t.scaleHigh()))
                .append("</p>\n");
        if (wrong) {
            main.append("<p class=\"field-error\" id=\"score-error\">").append(escape(t.scoreMissing()))
                    .append("</p>\n");
        }
        main.append("<div class=\"scale\">\n");
        for (int value = NpsScore.MIN; value <= NpsScore.MAX; value++) {
            String id = "score-" + value;
            main.append("<span class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                    .append(SurveyForm.SCORE).append("\" value=\"").append(value).append('"')
                    .append(chosen.equals(Optional.of(value)) ? " checked" : "")
                    .append(wrong ? " aria-invalid=\"true\"" : "").append("><label for=\"").append(id).append("\">")
                    .append(value).append("</label></span>\n");
        }
        main.append("</div>\n</fieldset>\n");
    }

    private static void commentField(StringBuilder main, SurveyTexts t, FormPage page) {
        boolean wrong = page.mistakes().contains(Mistake.COMMENT_TOO_LONG);
        main.append("<div class=\"field").append(wrong ? " has-error" : "").append("\">\n")
                .append("<label for=\"comment\">").append(escape(t.commentLabel())).append("</label>\n")
                .append("<p class=\"hint\" id=\"comment-hint\">").append(escape(t.commentHint())).append("</p>\n");
        if (wrong) {
            main.append("<p class=\"field-error\" id=\"comment-error\">").append(escape(t.commentTooLong()))
                    .append("</p>\n");
        }
        // The newline after the start tag is dropped by every parser, so a comment that starts with one keeps it.
        main.append("<textarea id=\"comment\" name=\"").append(SurveyForm.COMMENT).append("\" rows=\"5\" maxlength=\"")
                .append(NpsAnswer.MAX_COMMENT_LENGTH)
                .append("\" aria-describedby=\"comment-hint").append(wrong ? " comment-error" : "").append('"')
                .append(wrong ? " aria-invalid=\"true\"" : "").append(">\n").append(escape(page.input().comment()))
                .append("</textarea>\n</div>\n");
    }

    private static void hiddenLanguage(StringBuilder main, Language language) {
        main.append("<input type=\"hidden\" name=\"").append(SurveyForm.LANG).append("\" value=\"")
                .append(escape(language.code())).append("\">\n");
    }

    private static String fieldId(Mistake mistake) {
        return switch (mistake) {
            case SCORE_MISSING -> "score-0";
            case COMMENT_TOO_LONG -> "comment";
        };
    }

    private static String message(SurveyTexts t, Mistake mistake) {
        return switch (mistake) {
            case SCORE_MISSING -> t.scoreMissing();
            case COMMENT_TOO_LONG -> t.commentTooLong();
        };
    }

    private static String heading(String text) {
        return "<h1>" + escape(text) + "</h1>\n";
    }

    private static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }

    /**
     * The frame of every page. Language links are relative ({@code ?lang=sv}), so they never hold the token and
     * lead back to whatever link the page was reached by.
     */
    private static byte[] layout(Language language, String title, List<Language> offered, String main) {
        SurveyTexts t = SurveyTexts.of(language);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language.code())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">\n")
                .append("</head>\n<body>\n<header class=\"top\">\n<p class=\"brand\">OP</p>\n");
        if (offered.size() > 1) {
            html.append("<nav class=\"languages\" aria-label=\"").append(escape(t.languageNavigation()))
                    .append("\">\n<ul>\n");
            for (Language other : offered) {
                String name = escape(SurveyTexts.of(other).languageName());
                String code = escape(other.code());
                if (other == language) {
                    html.append("<li><span aria-current=\"true\">").append(name).append("</span></li>\n");
                } else {
                    html.append("<li><a href=\"?").append(SurveyForm.LANG).append('=').append(code)
                            .append("\" hreflang=\"").append(code).append("\" lang=\"").append(code).append("\">")
                            .append(name).append("</a></li>\n");
                }
            }
            html.append("</ul>\n</nav>\n");
        }
        html.append("</header>\n<main id=\"main\">\n").append(main).append("</main>\n")
                .append("<footer>\n<p class=\"notice\" id=\"never-asks\">").append(escape(t.neverAsks()))
                .append("</p>\n</footer>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
