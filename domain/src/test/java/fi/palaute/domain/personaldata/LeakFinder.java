package fi.palaute.domain.personaldata;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The oracle of {@link CommentScrubberFuzzTest}: finds personal identity numbers, card numbers and IBANs left in a
 * text, written independently of {@link CommentScrubber} so that a bug there cannot hide itself here. No regular
 * expressions, nothing shared with the scrubber or {@link PersonalIdentityNumbers}: every window of the text (every
 * start, every end up to the longest value, as long as the window holds only characters such a value can hold:
 * ASCII letters and digits, space, "-" and "+") is checked by brute force against the plain definition of each value.
 *
 * <p>"A value" means one standing on its own, with the boundaries the scrubber documents:
 * <ul>
 *   <li>a personal identity number or an IBAN is a word of its own: the code points just before and just after
 *       are not letters or numbers (Unicode L or N, what {@code \p{L}\p{N}} means). In "x131052-308T" or
 *       "131052-308T5" the number is part of a longer word or digit run, and the scrubber leaves it, as it leaves
 *       any code of that shape;</li>
 *   <li>a card number is not inside a longer digit run: the code points just before and just after are not
 *       numbers (Unicode N). Letters may touch it ("kortti4111..."), and the scrubber does remove such numbers;
 *       its digits may be separated by single spaces or dashes;</li>
 *   <li>a card number never starts with 0 (documented in {@code CommentScrubber}: ISO/IEC 7812 gives no payment
 *       cards that major industry identifier, and it keeps "00 358 ..." phone numbers out).</li>
 * </ul>
 * The boundaries are judged in the text given, i.e. in the scrubbed output: a value that only became a word of its
 * own because its neighbour was replaced by a marker still stands in the stored comment, and is reported.
 */
final class LeakFinder {

    /** A value found in the text, by kind and position; {@code value} is the exact text of the window. */
    record Leak(PiiKind kind, int start, int end, String value) {
    }

    private static final int HETU_LENGTH = 11;
    private static final String HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final int CARD_MIN_DIGITS = 13;
    private static final int CARD_MAX_DIGITS = 19;
    private static final int IBAN_MIN_CHARACTERS = 15;
    private static final int IBAN_MAX_CHARACTERS = 34;
    /** The longest window worth looking at: an IBAN of 34 characters with a single space between each. */
    private static final int LONGEST_WINDOW = 2 * IBAN_MAX_CHARACTERS - 1;

    /** IBAN lengths from the ISO 13616 registry (SWIFT), for the countries listed; other codes may be 15-34 long. */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24),
            Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("LI", 21),
            Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MT", 31),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
            Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("UA", 29), Map.entry("XK", 20));

    private LeakFinder() {
    }

    /** Every valid personal identity number, card number and IBAN standing on its own in {@code text}. */
    static List<Leak> find(String text) {
        List<Leak> leaks = new ArrayList<>();
        for (int start = 0; start < text.length(); start++) {
            if (!isAsciiLetterOrDigit(text.charAt(start))) {
                continue; // each of the three values starts with an ASCII letter or digit
            }
            int before = start == 0 ? -1 : Character.codePointBefore(text, start);
            for (int end = start + 1; end <= Math.min(text.length(), start + LONGEST_WINDOW); end++) {
                char last = text.charAt(end - 1);
                if (!isAsciiLetterOrDigit(last) && last != ' ' && last != '-' && last != '+') {
                    break; // none of the three values holds any other character
                }
                if (!isAsciiLetterOrDigit(last)) {
                    continue; // nor ends in a separator or sign
                }
                int after = end == text.length() ? -1 : Character.codePointAt(text, end);
                String window = text.substring(start, end);
                boolean ownWord = !isLetterOrNumber(before) && !isLetterOrNumber(after);
                if (ownWord && isPersonalIdentityNumber(window)) {
                    leaks.add(new Leak(PiiKind.PERSONAL_IDENTITY_NUMBER, start, end, window));
                }
                if (ownWord && isIban(window)) {
                    leaks.add(new Leak(PiiKind.IBAN, start, end, window));
                }
                if (!isNumber(before) && !isNumber(after) && isCardNumber(window)) {
                    leaks.add(new Leak(PiiKind.CARD_NUMBER, start, end, window));
                }
            }
        }
        return leaks;
    }

    // --- the three definitions, each on one whole window ---

    /** DDMMYY, a century sign, a three-digit individual number from 002, the check character of the nine digits. */
    static boolean isPersonalIdentityNumber(String w) {
        if (w.length() != HETU_LENGTH) {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9}) {
            if (!isAsciiDigit(w.charAt(i))) {
                return false;
            }
        }
        int century;
        switch (asciiUpper(w.charAt(6))) {
            case '+':
                century = 1800;
                break;
            case '-': case 'Y': case 'X': case 'W': case 'V': case 'U':
                century = 1900;
                break;
            case 'A': case 'B': case 'C': case 'D': case 'E': case 'F':
                century = 2000;
                break;
            default:
                return false;
        }
        int day = Integer.parseInt(w.substring(0, 2));
        int month = Integer.parseInt(w.substring(2, 4));
        int year = century + Integer.parseInt(w.substring(4, 6));
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        if (Integer.parseInt(w.substring(7, 10)) < 2) {
            return false;
        }
        int nineDigits = Integer.parseInt(w.substring(0, 6) + w.substring(7, 10));
        return HETU_CHECK_CHARACTERS.charAt(nineDigits % 31) == asciiUpper(w.charAt(10));
    }

    /** 13-19 digits, not starting with 0, single spaces or dashes between digits allowed, Luhn check passes. */
    static boolean isCardNumber(String w) {
        if (w.isEmpty() || w.charAt(0) == '0' || !isAsciiDigit(w.charAt(0)) || !isAsciiDigit(w.charAt(w.length() - 1))) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (isAsciiDigit(c)) {
                digits.append(c);
            } else if ((c == ' ' || c == '-') && isAsciiDigit(w.charAt(i - 1)) && isAsciiDigit(w.charAt(i + 1))) {
                continue; // a single separator between two digits (first and last characters are digits)
            } else {
                return false;
            }
        }
        return digits.length() >= CARD_MIN_DIGITS && digits.length() <= CARD_MAX_DIGITS
                && luhnSum(digits.toString()) % 10 == 0;
    }

    /**
     * Two letters and two digits, then letters and digits with single spaces between them allowed, as long as the
     * registry says for the country (15-34 for others), and ISO 7064 MOD 97-10 gives 1.
     */
    static boolean isIban(String w) {
        if (w.length() < 4 || !isAsciiLetter(w.charAt(0)) || !isAsciiLetter(w.charAt(1))
                || !isAsciiDigit(w.charAt(2)) || !isAsciiDigit(w.charAt(3))
                || !isAsciiLetterOrDigit(w.charAt(w.length() - 1))) {
            return false;
        }
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                chars.append(asciiUpper(c));
            } else if (c == ' ' && i >= 4 && isAsciiLetterOrDigit(w.charAt(i - 1))
                    && isAsciiLetterOrDigit(w.charAt(i + 1))) {
                continue; // a single space between two letters or digits after the country code and check digits
            } else {
                return false;
            }
        }
        Integer registered = IBAN_LENGTHS.get(chars.substring(0, 2));
        boolean rightLength = registered != null
                ? chars.length() == registered
                : chars.length() >= IBAN_MIN_CHARACTERS && chars.length() <= IBAN_MAX_CHARACTERS;
        return rightLength && mod97(chars.substring(4) + chars.substring(0, 4)) == 1;
    }

    // --- arithmetic, also used by the fuzz test to make valid values ---

    /** The Luhn sum of the digits: every second digit from the right doubled, digits of the products added. */
    static int luhnSum(String digits) {
        int sum = 0;
        for (int fromRight = 0; fromRight < digits.length(); fromRight++) {
            int d = digits.charAt(digits.length() - 1 - fromRight) - '0';
            if (fromRight % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum;
    }

    /** The remainder mod 97 of the number the characters spell, A as 10 ... Z as 35, computed digit by digit. */
    static int mod97(String upperLettersAndDigits) {
        int remainder = 0;
        for (int i = 0; i < upperLettersAndDigits.length(); i++) {
            char c = upperLettersAndDigits.charAt(i);
            remainder = isAsciiDigit(c)
                    ? (remainder * 10 + (c - '0')) % 97
                    : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    // --- characters ---

    private static boolean isLetterOrNumber(int codePoint) {
        return codePoint >= 0 && (Character.isLetter(codePoint) || isNumber(codePoint));
    }

    /** Unicode category N: decimal digits of every script, letter numbers (Ⅻ) and other numbers (², ½). */
    private static boolean isNumber(int codePoint) {
        if (codePoint < 0) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    private static char asciiUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
    }
}
