package fi.palaute.domain.personaldata;

import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fi.palaute.domain.survey.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * R-PII under a fuzzer: whatever a customer types (at most 1,000 characters, any language), scrubbing never throws
 * and the scrubbed comment holds no valid personal identity number, card number or IBAN, as judged by
 * {@link LeakFinder}, an oracle written independently of the scrubber.
 *
 * <p>A plain {@code mvn verify} replays the committed inputs in
 * {@code src/test/resources/fi/palaute/domain/personaldata/CommentScrubberFuzzTestInputs/scrubbedCommentsHoldNoPersonalData/}
 * (Jazzer's regression mode). {@code JAZZER_FUZZ=1 mvn -pl domain test -Dtest=CommentScrubberFuzzTest} fuzzes for
 * {@code maxDuration}; the generated corpus and any crash reproducer go to {@code domain/target/jazzer/} (see the
 * module's pom). To keep a finding as a regression input, copy it into the inputs directory once the scrubber is
 * fixed.
 *
 * <p>How the fuzzer's bytes become a comment: the first value picks the language, then each step picks an operation
 * and appends (or inserts at a position the fuzzer picks) arbitrary text, a neighbouring character from a list of
 * awkward ones, or a generated valid personal identity number (every century sign), Luhn-valid card number (13-19
 * digits, grouped with spaces and dashes), mod-97-valid IBAN (Finnish, other registered countries, unregistered
 * codes), e-mail address or phone number. Integers come from the end of the input and strings from its start
 * (FuzzedDataProvider's layout), so the committed seeds are written by hand and readable: text pieces in UTF-8 of
 * at most 100 characters, a backslash doubled, each shorter piece ending in a backslash and one more byte
 * ({@code \;}); then one zero byte per piece (operation: text); then the language byte ({@code 0x00} fi,
 * {@code 0x01} sv, {@code 0x02} en). The generated operations are left to the fuzzer.
 */
class CommentScrubberFuzzTest {

    private static final int MAX = CommentScrubber.MAX_LENGTH;
    private static final int MAX_STEPS = 64;

    @FuzzTest(maxDuration = "60s")
    void scrubbedCommentsHoldNoPersonalData(FuzzedDataProvider data) {
        Language language = data.pickValue(Language.values());
        String comment = comment(data);

        ScrubbedComment scrubbed = CommentScrubber.scrub(comment, language); // any exception is a finding

        List<LeakFinder.Leak> leaks = LeakFinder.find(scrubbed.text());
        if (!leaks.isEmpty()) {
            // Fuzzer-made test data, never a real person's: the values are shown so that the finding can be read.
            fail(leaks.stream()
                    .map(leak -> leak.kind() + " \"" + leak.value() + "\" at " + leak.start() + "-" + leak.end())
                    .collect(Collectors.joining(", ", "personal data survived scrubbing: ", ""))
                    + "\n  comment:  " + quoted(comment) + "\n  scrubbed: " + quoted(scrubbed.text()));
        }
    }

    // --- the comment ---

    private static final int TEXT = 0;
    private static final int ASCII_TEXT = 1;
    private static final int NEIGHBOUR = 2;
    private static final int ANY_CHARACTER = 3;
    private static final int PERSONAL_IDENTITY_NUMBER = 4;
    private static final int CARD_NUMBER = 5;
    private static final int IBAN = 6;
    private static final int EMAIL = 7;
    private static final int PHONE = 8;

    /** Characters worth putting right next to personal data: separators, letters, digits of other scripts, numbers. */
    private static final String[] NEIGHBOURS = {
        " ", ".", ",", ":", ";", "-", "+", "(", ")", "[", "]", "/", "@", "_", "'", "\"", "\n", "\t",
        "\u00a0", // no-break space
        "a", "Z", "ä", "ß", "T", "0", "7",
        "\u0663", // Arabic-Indic digit three (Unicode Nd, not [0-9])
        "\u00b2", // superscript two (Unicode No)
        "\u216b", // Roman numeral twelve (Unicode Nl)
        "\ud835\udc00", // mathematical bold A, a letter outside the BMP
        "\ud835", // a lone high surrogate
        "€", "FI", "+358 ", "00", "-0", " 1", "\u0301", // combining acute accent
    };

    static String comment(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0 && text.length() < MAX; step++) {
            int operation = data.consumeInt(TEXT, PHONE);
            switch (operation) {
                case TEXT:
                    text.append(data.consumeString(100));
                    break;
                case ASCII_TEXT:
                    text.append(data.consumeAsciiString(100));
                    break;
                case NEIGHBOUR:
                    text.append(data.pickValue(NEIGHBOURS));
                    break;
                case ANY_CHARACTER:
                    text.append(data.consumeChar());
                    break;
                default:
                    String value = personalData(operation, data);
                    int at = data.consumeBoolean() ? text.length() : data.consumeInt(0, text.length());
                    text.insert(at, value);
                    break;
            }
        }
        // Cut at exactly the limit: the cut may split a value or a surrogate pair, both fine.
        String comment = text.length() > MAX ? text.substring(0, MAX) : text.toString();
        return withoutMarkerText(comment);
    }

    /**
     * The comment with the text of any marker defused ("[card number removed]" becomes "(card number removed]"), so
     * that every marker in the scrubbed text is one the scrubber put there. A customer may well paste a marker, but its text is letters, spaces and brackets, which the
     * neighbouring characters already cover.
     */
    private static String withoutMarkerText(String comment) {
        String defused = comment;
        for (Language language : Language.values()) {
            for (PiiKind kind : PiiKind.values()) {
                String marker = kind.marker(language);
                defused = defused.replace(marker, "(" + marker.substring(1));
            }
        }
        return defused;
    }

    private static String personalData(int operation, FuzzedDataProvider data) {
        switch (operation) {
            case PERSONAL_IDENTITY_NUMBER:
                return personalIdentityNumber(data);
            case CARD_NUMBER:
                return cardNumber(data);
            case IBAN:
                return iban(data);
            case EMAIL:
                return email(data);
            case PHONE:
                return phoneNumber(data);
            default:
                throw new IllegalStateException("no generator for operation " + operation);
        }
    }

    // --- valid personal data, made here, not by the code under test ---

    private static final String CENTURY_SIGNS = "+-YXWVUABCDEF";
    private static final String HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /** A valid personal identity number with any century sign, upper or lower case. */
    static String personalIdentityNumber(FuzzedDataProvider data) {
        char sign = data.pickValue(CENTURY_SIGNS.toCharArray());
        int century = sign == '+' ? 1800 : "-YXWVU".indexOf(sign) >= 0 ? 1900 : 2000;
        LocalDate birth = LocalDate.of(century, 1, 1).plusDays(data.consumeInt(0, 36_523)); // within the century
        String date = String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        String individual = String.format("%03d", data.consumeInt(2, 999));
        char check = HETU_CHECK_CHARACTERS.charAt(Integer.parseInt(date + individual) % 31);
        String number = date + sign + individual + check;
        return data.consumeBoolean() ? number.toLowerCase() : number;
    }

    /** A Luhn-valid card number of 13-19 digits, not starting with 0, written plain or in groups. */
    static String cardNumber(FuzzedDataProvider data) {
        int length = data.consumeInt(13, 19);
        StringBuilder digits = new StringBuilder().append(data.consumeInt(1, 9));
        while (digits.length() < length - 1) {
            digits.append(data.consumeInt(0, 9));
        }
        for (int check = 0; check <= 9; check++) {
            if (LeakFinder.luhnSum(digits.toString() + check) % 10 == 0) {
                digits.append(check);
                break;
            }
        }
        int[] groups;
        switch (data.consumeInt(0, 3)) {
            case 0:
                return digits.toString();
            case 1:
                groups = new int[] {4, 4, 4, 4, 4};
                break;
            case 2:
                groups = new int[] {4, 6, 5, 4}; // American Express style
                break;
            default:
                groups = new int[] {data.consumeInt(1, 8), data.consumeInt(1, 8), data.consumeInt(1, 8),
                    data.consumeInt(1, 8), data.consumeInt(1, 8), data.consumeInt(1, 8)};
                break;
        }
        int separators = data.consumeInt(0, 2); // spaces, dashes, or each chosen by the fuzzer
        return grouped(digits.toString(), groups, () -> separators == 0 ? ' '
                : separators == 1 ? '-' : data.consumeBoolean() ? ' ' : '-');
    }

    /** ISO 13616 lengths of some registered countries, and codes no registry knows (length chosen by the fuzzer). */
    private static final String[] IBAN_COUNTRIES = {
        "FI", "FI", "FI", "SE", "NO", "DK", "EE", "DE", "GB", "NL", "FR", "IS", "GR", "MT", "XK", "EG", "??"};

    /** A mod-97-valid IBAN of a registered country with its length, or of any other letters with 15-34 characters. */
    static String iban(FuzzedDataProvider data) {
        String country = data.pickValue(IBAN_COUNTRIES);
        int length;
        if (country.equals("??")) {
            country = "" + (char) ('A' + data.consumeInt(0, 25)) + (char) ('A' + data.consumeInt(0, 25));
            length = data.consumeInt(15, 34);
        } else {
            length = LeakFinder.IBAN_LENGTHS.get(country);
        }
        StringBuilder bban = new StringBuilder();
        while (bban.length() < length - 4) {
            int c = data.consumeInt(0, 45); // mostly digits, some letters
            bban.append(c < 36 ? Character.toUpperCase(Character.forDigit(c, 36)) : (char) ('0' + c - 36));
        }
        int check = 98 - LeakFinder.mod97(bban + country + "00");
        String iban = country + String.format("%02d", check) + bban;
        String written = data.consumeBoolean() ? iban : grouped(iban, new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4}, () -> ' ');
        return data.consumeBoolean() ? written.toLowerCase() : written;
    }

    private static final String[] EMAIL_LOCAL_PARTS = {
        "matti", "matti.meikalainen", "anna-karin+bank", "john_doe", "Pärttyli.Äijälä", "x", "131052-308T",
        "4111111111111111", "fi2112345600000785", "a.b", "!#$%&'*+/=?^_`{|}~-", "0401234567"};
    private static final String[] EMAIL_DOMAINS = {
        "example.fi", "post.example.se", "mail.co.uk", "esimerkki.fi", "b.c", "xn--bcher-kva.de", "op.fi"};

    static String email(FuzzedDataProvider data) {
        return data.pickValue(EMAIL_LOCAL_PARTS) + "@" + data.pickValue(EMAIL_DOMAINS);
    }

    private static final String[] PHONE_PREFIXES = {"+358 ", "+358", "0", "(0", "(09) ", "+46 ", "0046 ", "00358", "+"};
    private static final String[] PHONE_SEPARATORS = {"", " ", "-", ") ", " ("};

    static String phoneNumber(FuzzedDataProvider data) {
        StringBuilder phone = new StringBuilder(data.pickValue(PHONE_PREFIXES));
        int groups = data.consumeInt(1, 4);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                phone.append(data.pickValue(PHONE_SEPARATORS));
            }
            int digits = data.consumeInt(1, 4);
            for (int d = 0; d < digits; d++) {
                phone.append(data.consumeInt(0, 9));
            }
        }
        return phone.toString();
    }

    // --- helpers ---

    private interface Separator {
        char next();
    }

    /** The value in groups of the given sizes (the last group takes the rest), separators between them. */
    private static String grouped(String value, int[] sizes, Separator separator) {
        StringBuilder grouped = new StringBuilder();
        int from = 0;
        for (int g = 0; g < sizes.length && from < value.length(); g++) {
            if (from > 0) {
                grouped.append(separator.next());
            }
            int to = g == sizes.length - 1 ? value.length() : Math.min(value.length(), from + sizes[g]);
            grouped.append(value, from, to);
            from = to;
        }
        return grouped.toString();
    }

    /** The text in quotes, with control characters and lone surrogates escaped so that the message stays readable. */
    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c) || lone) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
