package fi.palaute.domain.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R-TEMPLATE: what an invitation template may say. The seed promises that OP never sends messages with links
 * through which one logs in, and never asks for banking codes, card details or a personal identity number; a
 * template that could be mistaken for phishing is refused when it is saved, with every reason named.
 *
 * <p><b>Links.</b> The body holds {@value SurveyLinkPlaceholder#TOKEN} exactly once, standing alone (not glued to
 * other address text); the subject holds none. Nothing else that reads as an address is allowed: URLs of any
 * scheme, {@code www.} hosts, bare host names and e-mail addresses ending in a known top-level domain, look-alikes
 * written with digits or Cyrillic/Greek letters, shorteners, IP hosts, {@code mailto:}/{@code tel:} links, HTML and
 * markdown links (even around the placeholder: the customer must see the address), and disguised addresses
 * ({@code hxxp://}, {@code op[.]fi}, {@code op dot fi}). Text is read after folding look-alike and full-width
 * characters and dropping invisible ones, which are refused as well. See {@link LinkFinder}.
 *
 * <p><b>Requests.</b> The word lists of all three languages apply to every template, whatever its language (a
 * Swedish template may quote English). They are stems, so inflections and compounds count
 * ("verkkopankkitunnuksillasi", "nätbankskoderna"). The rule is about sentences, cut into units at colons,
 * semicolons, dashes and "but" (mutta, vaan, men):
 * <ul>
 *   <li>Naming banking codes, card data or a personal identity number is allowed only in a unit that holds a
 *       negation word (ei, emme, älä, ilman; inte, aldrig, utan; not, never, no, without, n't). That is how the
 *       notice every invitation carries ("OP ei koskaan pyydä verkkopankkitunnuksia linkin kautta.") passes and
 *       "anna henkilötunnuksesi" does not. Phrases that only look negative ("don't forget", "älä unohda", "glöm
 *       inte", "no later than") do not count. Nor does a negation elsewhere in the unit excuse an imperative aimed
 *       at the phrase ("we never share your data, so enter your card number"): only a negation right before the
 *       verb ("älä koskaan anna", "never enter") or between it and the phrase ("ange aldrig din kod") does.</li>
 *   <li>A login word ("kirjaudu", "tunnistaudu", "logga in", "log in", "sign in", "verify your identity") is
 *       refused unless it denies itself ("kirjautumatta"; a negation right before it, "without logging in",
 *       "ingen inloggning"; "ei tarvitse", "behöver inte", "no need to" just before it; "ei tarvita", "is not
 *       needed" after it), or it stands in a negated unit of a sentence that holds no link. So a login word and a
 *       link never share a sentence, whatever the sentence says around them.</li>
 * </ul>
 * This is deliberately simple, so an author can predict it, and it leans towards refusing: a harmless sentence
 * may be refused (give the link its own sentence, state the "never" plainly), and one dotted word without a space
 * ("Tack.Se") reads as a host. What it cannot see is a request with no imperative in it sharing a unit with an
 * unrelated negation ("no queues today, your PIN please"). See {@link RequestFinder}.
 *
 * <p><b>Limits.</b> Subjects up to {@value TemplateChannel#MAX_SUBJECT_LENGTH} characters; bodies up to
 * {@link TemplateChannel#maxBodyLength()}; an e-mail needs a subject, an SMS has none.
 */
public final class TemplateCheck {

    private static final Pattern UNKNOWN_PLACEHOLDER =
            Pattern.compile("\\{\\{[^{}\\n]{0,60}\\}\\}|\\{[^{}\\n]{1,60}\\}");

    private static final int MAX_READ = 10_000;

    private TemplateCheck() {
    }

    /**
     * Checks one template. Language is not a parameter on purpose: every language's word list applies to every
     * template. Null texts are treated as empty.
     */
    public static TemplateCheckResult check(TemplateChannel channel, String subject, String body) {
        Objects.requireNonNull(channel, "channel");
        String subjectText = subject == null ? "" : subject;
        String bodyText = body == null ? "" : body;
        List<TemplateViolation> violations = new ArrayList<>();

        if (channel.hasSubject() && subjectText.isBlank()) {
            violations.add(new TemplateViolation(TemplateField.SUBJECT, TemplateViolationCode.SUBJECT_MISSING, "",
                    "An e-mail invitation needs a subject."));
        } else if (!channel.hasSubject() && !subjectText.isBlank()) {
            violations.add(new TemplateViolation(TemplateField.SUBJECT, TemplateViolationCode.SUBJECT_NOT_ALLOWED,
                    Fragments.cut(subjectText), "A text message has no subject; leave it empty."));
        }
        checkLength(TemplateField.SUBJECT, subjectText, TemplateChannel.MAX_SUBJECT_LENGTH, "a subject", violations);
        if (!subjectText.isBlank()) {
            if (SurveyLinkPlaceholder.countIn(subjectText) > 0) {
                violations.add(new TemplateViolation(TemplateField.SUBJECT,
                        TemplateViolationCode.PLACEHOLDER_IN_SUBJECT, SurveyLinkPlaceholder.TOKEN,
                        "The survey link belongs in the body, once; the subject may hold no link."));
            }
            checkText(TemplateField.SUBJECT, subjectText, violations);
        }

        String bodyName = channel == TemplateChannel.SMS ? "an SMS body" : "an e-mail body";
        checkLength(TemplateField.BODY, bodyText, channel.maxBodyLength(), bodyName, violations);
        if (bodyText.isBlank()) {
            violations.add(new TemplateViolation(TemplateField.BODY, TemplateViolationCode.BODY_MISSING, "",
                    "The body is empty; it must invite the customer and hold " + SurveyLinkPlaceholder.TOKEN + "."));
        } else {
            int placeholders = SurveyLinkPlaceholder.countIn(bodyText);
            if (placeholders == 0) {
                violations.add(new TemplateViolation(TemplateField.BODY, TemplateViolationCode.PLACEHOLDER_MISSING,
                        Fragments.cut(bodyText), "The body must hold the survey link placeholder "
                        + SurveyLinkPlaceholder.TOKEN + " exactly once, written exactly so."));
            } else if (placeholders > 1) {
                violations.add(new TemplateViolation(TemplateField.BODY, TemplateViolationCode.PLACEHOLDER_REPEATED,
                        SurveyLinkPlaceholder.TOKEN, "The body holds " + SurveyLinkPlaceholder.TOKEN + " "
                        + placeholders + " times; a template holds exactly one link."));
            }
            checkText(TemplateField.BODY, bodyText, violations);
        }
        return violations.isEmpty() ? new TemplateCheckResult.Valid() : new TemplateCheckResult.Refused(violations);
    }

    private static void checkLength(TemplateField field, String text, int max, String what,
            List<TemplateViolation> violations) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            String beyond = text.substring(text.offsetByCodePoints(0, max));
            violations.add(new TemplateViolation(field, TemplateViolationCode.TOO_LONG, Fragments.cut(beyond),
                    "This is " + length + " characters; " + what + " may have at most " + max
                            + ". The fragment shows where the limit falls."));
        }
    }

    /** The rules that read the text itself, alike for subject and body. */
    private static void checkText(TemplateField field, String text, List<TemplateViolation> violations) {
        // a text this long is refused as TOO_LONG anyway; reading only its start bounds the work
        FoldedText folded = FoldedText.of(text.length() > MAX_READ ? text.substring(0, MAX_READ) : text);
        String original = folded.original();
        hiddenCharacters(field, original, violations);

        String masked = original.replace(SurveyLinkPlaceholder.TOKEN, " ".repeat(SurveyLinkPlaceholder.TOKEN.length()));
        Matcher unknown = UNKNOWN_PLACEHOLDER.matcher(masked);
        while (unknown.find()) {
            violations.add(new TemplateViolation(field, TemplateViolationCode.UNKNOWN_PLACEHOLDER,
                    Fragments.cut(unknown.group()), "Only " + SurveyLinkPlaceholder.TOKEN
                    + " is replaced when an invitation is sent; this would be sent as written."));
        }

        List<Finding> links = LinkFinder.find(folded);
        for (Finding link : links) {
            violations.add(new TemplateViolation(field, link.code(), folded.quote(link.start(), link.end()),
                    link.message()));
        }
        for (Finding request : RequestFinder.find(folded, links)) {
            violations.add(new TemplateViolation(field, request.code(), folded.quote(request.start(), request.end()),
                    request.message()));
        }
    }

    /**
     * Zero-width and direction-changing characters, and control characters other than line breaks and tabs: no
     * invitation needs them, and they can split a word past a filter or show text in another order than it is
     * read. A zero-width joiner that glues emoji together is allowed.
     */
    private static void hiddenCharacters(TemplateField field, String text, List<TemplateViolation> violations) {
        int count = 0;
        int first = -1;
        int previous = ' ';
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            boolean emojiJoiner = c == 0x200D && !Character.isLetterOrDigit(previous);
            boolean control = type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
            if (control || type == Character.FORMAT && !emojiJoiner) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
            previous = c;
            i += Character.charCount(c);
        }
        if (count == 0) {
            return;
        }
        int from = Math.max(0, first - 12);
        while (from > 0 && from < first && !Character.isWhitespace(text.charAt(from - 1))) {
            from++; // start on a whole word
        }
        int to = Math.min(text.length(), first + 13);
        StringBuilder shown = new StringBuilder();
        text.substring(from, to).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
                shown.append(String.format(Locale.ROOT, "[U+%04X]", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        violations.add(new TemplateViolation(field, TemplateViolationCode.HIDDEN_CHARACTER,
                Fragments.cut(shown.toString()), "The text holds " + count + " invisible formatting or control"
                + " character(s), shown as [U+…]; they can hide or reorder what the customer reads. Remove them."));
    }
}
