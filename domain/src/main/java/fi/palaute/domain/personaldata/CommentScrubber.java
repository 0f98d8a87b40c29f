package fi.palaute.domain.personaldata;

import fi.palaute.domain.survey.Language;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R-PII: replaces personal data in an answer's free-text comment with a marker in the answer's language, before the
 * comment is stored.
 *
 * <p>Detectors run in a fixed order, and text claimed by one is not looked at by the next: e-mail addresses first
 * (they may hold digits), then personal identity numbers, IBANs and card numbers, each confirmed by its check
 * (checksum, mod-97, Luhn), and phone numbers last, so that a card number is never reported as a phone number.
 * Numbers that only look like personal data (order numbers, dates, amounts, times, years, postal codes) stay.
 *
 * <p>The work is bounded: at most {@value #MAX_LENGTH} characters (R-NPS), and every pattern is linear (possessive
 * or unambiguous quantifiers only). No message of an exception carries the comment.
 */
public final class CommentScrubber {

    public static final int MAX_LENGTH = 1000;

    /** Plain local@domain.tld as {@code EmailAddress} accepts it, widened to letters beyond ASCII. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-])[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]++"
                    + "@[\\p{L}\\p{N}-]++(?:\\.[\\p{L}\\p{N}-]++)*+");

    /** A candidate personal identity number, every century sign included; {@link PersonalIdentityNumbers} decides. */
    private static final Pattern PERSONAL_IDENTITY_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y](?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    /** Where an IBAN may begin: a country code and two check digits at the start of a word. */
    private static final Pattern IBAN_START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}");

    /** A run of digit groups separated by single spaces or dashes, not inside a longer digit run. */
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<!\\p{N})\\d++(?:[ -]\\d++)*+");

    /**
     * A candidate phone number: digits, optionally starting with + or (, in groups separated by a space, a dash,
     * a closing parenthesis (and a space) or a space and an opening parenthesis. Each repetition consumes a digit,
     * and the separators differ in their first character, so the pattern cannot backtrack.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+.,/-])(?:\\+|\\()?\\d(?:(?:[ -]|\\) ?| ?\\()?\\d)*+");

    /** dd-mm-yyyy, which would otherwise pass for a phone number with a leading 0. */
    private static final Pattern DASHED_DATE = Pattern.compile("[0-3]?\\d-[01]?\\d-(?:19|20)\\d\\d");

    private static final int CARD_MIN_DIGITS = 13;
    private static final int CARD_MAX_DIGITS = 19;
    private static final int PHONE_MIN_DIGITS = 7;
    private static final int PHONE_MAX_DIGITS = 15;
    private static final int IBAN_MIN_LENGTH = 15;
    private static final int IBAN_MAX_LENGTH = 34;

    /** ISO 13616 lengths of common countries; other country codes may have any length from 15 to 34. */
    private static final Map<String, Integer> IBAN_LENGTH_BY_COUNTRY = Map.ofEntries(
            Map.entry("FI", 18), Map.entry("SE", 24), Map.entry("NO", 15), Map.entry("DK", 18),
            Map.entry("IS", 26), Map.entry("EE", 20), Map.entry("LV", 21), Map.entry("LT", 20),
            Map.entry("DE", 22), Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("NL", 18),
            Map.entry("BE", 16), Map.entry("LU", 20), Map.entry("FR", 27), Map.entry("ES", 24),
            Map.entry("PT", 25), Map.entry("IT", 27), Map.entry("AT", 20), Map.entry("CH", 21),
            Map.entry("PL", 28), Map.entry("CZ", 24), Map.entry("SK", 24), Map.entry("HU", 28));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private CommentScrubber() {
    }

    /**
     * The comment with every personal identity number, card number, IBAN, e-mail address and phone number replaced
     * by its marker in {@code language}.
     *
     * @throws NullPointerException if comment or language is null
     * @throws IllegalArgumentException if the comment is longer than {@value #MAX_LENGTH} characters
     */
    public static ScrubbedComment scrub(String comment, Language language) {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(language, "language");
        if (comment.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a comment holds at most " + MAX_LENGTH + " characters");
        }
        // Boundaries are judged on the text as it stands, so data glued to other data ("131052-308T4111111111111111")
        // stands alone only once its neighbour is a marker: pass again until a pass finds nothing. Every kind holds a
        // digit or an "@" and no marker does, so each pass removes some and the passes end.
        String text = comment;
        List<PiiKind> removed = new ArrayList<>();
        while (true) {
            List<Span> found = find(text);
            if (found.isEmpty()) {
                return new ScrubbedComment(text, removed);
            }
            text = replace(text, found, language, removed);
        }
    }

    private static List<Span> find(String text) {
        List<Span> found = new ArrayList<>();
        findEmails(text, found);
        findPersonalIdentityNumbers(text, found);
        findIbans(text, found);
        findCardNumbers(text, found);
        findPhoneNumbers(text, found);
        found.sort(Comparator.comparingInt(Span::start));
        return found;
    }

    /** The text with each span replaced by its marker; the kinds are added to {@code removed} in order. */
    private static String replace(String text, List<Span> found, Language language, List<PiiKind> removed) {
        StringBuilder replaced = new StringBuilder(text.length());
        int copied = 0;
        for (Span span : found) {
            replaced.append(text, copied, span.start()).append(span.kind().marker(language));
            removed.add(span.kind());
            copied = span.end();
        }
        return replaced.append(text, copied, text.length()).toString();
    }

    private record Span(int start, int end, PiiKind kind) {

        boolean overlaps(int otherStart, int otherEnd) {
            return otherStart < end && start < otherEnd;
        }
    }

    /** Adds the span unless text in it was already claimed: overlapping data is replaced once. */
    private static boolean claim(List<Span> found, int start, int end, PiiKind kind) {
        for (Span span : found) {
            if (span.overlaps(start, end)) {
                return false;
            }
        }
        found.add(new Span(start, end, kind));
        return true;
    }

    // --- e-mail addresses ---

    private static void findEmails(String comment, List<Span> found) {
        Matcher m = EMAIL.matcher(comment);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            // the domain may run on into a sentence's full stop or hyphen: back off to the last letter or digit
            while (end > start && (comment.charAt(end - 1) == '.' || comment.charAt(end - 1) == '-')) {
                end--;
            }
            String match = comment.substring(start, end);
            int at = match.indexOf('@');
            String local = match.substring(0, at);
            String domain = match.substring(at + 1);
            int lastDot = domain.lastIndexOf('.');
            if (local.startsWith(".") || local.endsWith(".") || lastDot <= 0) {
                continue;
            }
            String topLevel = domain.substring(lastDot + 1);
            if (topLevel.length() >= 2 && topLevel.codePoints().allMatch(Character::isLetter)) {
                claim(found, start, end, PiiKind.EMAIL);
            }
        }
    }

    // --- personal identity numbers ---

    private static void findPersonalIdentityNumbers(String comment, List<Span> found) {
        Matcher m = PERSONAL_IDENTITY_NUMBER.matcher(comment);
        while (m.find()) {
            if (PersonalIdentityNumbers.isValid(m.group())) {
                claim(found, m.start(), m.end(), PiiKind.PERSONAL_IDENTITY_NUMBER);
            }
        }
    }

    // --- IBANs ---

    private static void findIbans(String comment, List<Span> found) {
        Matcher m = IBAN_START.matcher(comment);
        int from = 0;
        while (from < comment.length() && m.find(from)) {
            from = m.start() + 1;
            // the longest candidate may reach over a space into a word already claimed: then a shorter one may do
            for (int end : ibanEnds(comment, m.start())) {
                if (claim(found, m.start(), end, PiiKind.IBAN)) {
                    from = end;
                    break;
                }
            }
        }
    }

    /**
     * Where an IBAN starting at {@code start} may end, longest first. Letters and digits are collected, single
     * spaces between them allowed, up to 34; an IBAN is a prefix of a permitted length that ends at a word boundary
     * and passes mod-97.
     */
    private static List<Integer> ibanEnds(String comment, int start) {
        StringBuilder chars = new StringBuilder(IBAN_MAX_LENGTH);
        int[] endIndex = new int[IBAN_MAX_LENGTH];
        int i = start;
        while (i < comment.length() && chars.length() < IBAN_MAX_LENGTH) {
            char c = comment.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                chars.append(Character.toUpperCase(c));
                endIndex[chars.length() - 1] = i + 1;
                i++;
            } else if (c == ' ' && i + 1 < comment.length() && isAsciiLetterOrDigit(comment.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        Integer known = IBAN_LENGTH_BY_COUNTRY.get(chars.substring(0, 2));
        int longest = known != null ? known : IBAN_MAX_LENGTH;
        int shortest = known != null ? known : IBAN_MIN_LENGTH;
        List<Integer> ends = new ArrayList<>();
        for (int length = Math.min(longest, chars.length()); length >= shortest; length--) {
            int end = endIndex[length - 1];
            boolean atBoundary = end == comment.length() || !Character.isLetterOrDigit(comment.charAt(end));
            if (atBoundary && isMod97Valid(chars.substring(0, length))) {
                ends.add(end);
            }
        }
        return ends;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** ISO 13616 / ISO 7064 MOD 97-10: the first four characters moved to the end, letters as 10-35, mod 97 is 1. */
    static boolean isMod97Valid(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            digits.append(Character.digit(rearranged.charAt(i), 36));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    // --- card numbers ---

    private static void findCardNumbers(String comment, List<Span> found) {
        Matcher m = DIGIT_GROUPS.matcher(comment);
        while (m.find()) {
            findCardNumbersIn(comment, m.start(), m.end(), found);
        }
    }

    /**
     * A run of digit groups may hold a card number with other numbers around it ("12 4111 1111 1111 1111"), so
     * every stretch of whole groups with 13-19 digits is tried, earliest and longest first. A card number never
     * starts with 0, which keeps phone numbers written with 00 out.
     */
    private static void findCardNumbersIn(String comment, int runStart, int runEnd, List<Span> found) {
        List<int[]> groups = digitGroups(comment, runStart, runEnd);
        int first = 0;
        while (first < groups.size()) {
            int claimedUpTo = -1;
            if (comment.charAt(groups.get(first)[0]) != '0') {
                for (int last = lastGroupWithin(groups, first, CARD_MAX_DIGITS); last >= first; last--) {
                    String digits = digitsOf(comment, groups, first, last);
                    if (digits.length() >= CARD_MIN_DIGITS && isLuhnValid(digits)
                            && claim(found, groups.get(first)[0], groups.get(last)[1], PiiKind.CARD_NUMBER)) {
                        claimedUpTo = last;
                        break;
                    }
                }
            }
            first = claimedUpTo >= 0 ? claimedUpTo + 1 : first + 1;
        }
    }

    /** Start and end of each run of digits between {@code from} and {@code to}. */
    private static List<int[]> digitGroups(String comment, int from, int to) {
        List<int[]> groups = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && !isDigit(comment.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && isDigit(comment.charAt(i))) {
                i++;
            }
            if (i > start) {
                groups.add(new int[] {start, i});
            }
        }
        return groups;
    }

    /** The last group that can follow {@code first} without the digits exceeding {@code maxDigits}; first - 1 if none. */
    private static int lastGroupWithin(List<int[]> groups, int first, int maxDigits) {
        int digits = 0;
        int last = first - 1;
        for (int g = first; g < groups.size(); g++) {
            digits += groups.get(g)[1] - groups.get(g)[0];
            if (digits > maxDigits) {
                break;
            }
            last = g;
        }
        return last;
    }

    private static String digitsOf(String comment, List<int[]> groups, int first, int last) {
        StringBuilder digits = new StringBuilder();
        for (int g = first; g <= last; g++) {
            digits.append(comment, groups.get(g)[0], groups.get(g)[1]);
        }
        return digits.toString();
    }

    static boolean isLuhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // --- phone numbers ---

    private static void findPhoneNumbers(String comment, List<Span> found) {
        Matcher m = PHONE.matcher(comment);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (end < comment.length() && Character.isLetter(comment.charAt(end))) {
                continue; // "0401234567abc" is a code of some kind, not a phone number
            }
            String match = comment.substring(start, end);
            boolean international = match.startsWith("+");
            boolean national = match.startsWith("0") || match.startsWith("(0");
            if (!international && !national) {
                continue;
            }
            if (match.startsWith("(") && match.indexOf(')') < 0) {
                start++; // "(040 123 4567)": the parenthesis is the sentence's, not an area code's
                match = match.substring(1);
            }
            if (DASHED_DATE.matcher(match).matches()) {
                continue;
            }
            List<int[]> groups = digitGroups(comment, start, end);
            int last = lastGroupWithin(groups, 0, PHONE_MAX_DIGITS);
            if (last < 0) {
                continue; // one run of more than 15 digits is no phone number
            }
            int digits = 0;
            for (int g = 0; g <= last; g++) {
                digits += groups.get(g)[1] - groups.get(g)[0];
            }
            if (digits >= PHONE_MIN_DIGITS) {
                claim(found, start, groups.get(last)[1], PiiKind.PHONE_NUMBER);
            }
        }
    }
}
