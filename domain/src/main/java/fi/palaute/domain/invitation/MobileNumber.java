package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.ContactPointKind;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mobile number in E.164 form: {@code +}, a country code and at most 15 digits in all, at least 8.
 * <p>
 * Finnish numbers ({@code +358}) must be mobile numbers, 04x or 050 and 4-8 more digits: text messages cannot
 * reach a landline (09 Helsinki, 018 Åland, 020 service numbers), so one is refused rather than stored as a
 * number we would send to. Other countries' numbering plans are not checked beyond E.164.
 * <p>
 * {@link #parse(String)} reads the forms customers and bank systems write; the constructor takes the E.164 form
 * only. Messages never repeat the number, and {@code toString()} masks it.
 */
public record MobileNumber(String value) implements ContactPoint {

    private static final String FINLAND = "+358";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** The Finnish national significant number of a mobile: 4x or 50, then 4-8 digits. */
    private static final Pattern FINNISH_MOBILE = Pattern.compile("(4[0-9]|50)[0-9]{4,8}");
    /** Digits with the separators people write: spaces, hyphens, parentheses. */
    private static final int MAX_WRITTEN_LENGTH = 40;
    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9 ()-]+");

    public MobileNumber {
        Objects.requireNonNull(value, "mobile");
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException("mobile must be in E.164 form: '+' and 8-15 digits");
        }
        if (value.startsWith(FINLAND) && !FINNISH_MOBILE.matcher(value.substring(FINLAND.length())).matches()) {
            throw new IllegalArgumentException(
                    "mobile must be a Finnish mobile number (04x or 050), not a landline or service number");
        }
    }

    /**
     * Reads a written number and normalises it to E.164:
     * <ul>
     *   <li>spaces, hyphens and parentheses are dropped: {@code (040) 123-4567};</li>
     *   <li>{@code +} or {@code 00} starts an international number: {@code +46 70 123 45 67},
     *       {@code 0046 70 123 45 67}; a trunk zero written after the country code, {@code +358 (0)40 …} or
     *       {@code +46 (0)70 …}, is dropped, since no national significant number starts with 0;</li>
     *   <li>a single leading 0 is a Finnish national number: {@code 040 123 4567} → {@code +358401234567};</li>
     *   <li>{@code 358…} without a prefix is read as a Finnish number in the MSISDN form bank systems and SMS
     *       gateways use. Other digits without a prefix are refused: {@code 401234567}, a Finnish number missing its
     *       0, would otherwise become a number in Romania (+40), and a text would reach a stranger.</li>
     * </ul>
     */
    public static MobileNumber parse(String written) {
        Objects.requireNonNull(written, "mobile");
        if (written.length() > MAX_WRITTEN_LENGTH) {
            throw new IllegalArgumentException("mobile must be at most " + MAX_WRITTEN_LENGTH + " characters as written");
        }
        if (!WRITTEN.matcher(written.strip()).matches()) {
            throw new IllegalArgumentException(
                    "mobile must be digits, optionally starting with '+', with only spaces, hyphens or parentheses");
        }
        String text = written.strip();
        boolean international = text.startsWith("+") || text.startsWith("00");
        if (international) {
            text = text.replace("(0)", ""); // the trunk-zero notation, before the parentheses go
        }
        String digits = text.replaceAll("[ ()+-]", "");
        String e164;
        if (text.startsWith("+")) {
            e164 = "+" + digits;
        } else if (digits.startsWith("00")) {
            e164 = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            e164 = FINLAND + digits.substring(1);
        } else if (digits.startsWith("358")) {
            e164 = "+" + digits;
        } else {
            throw new IllegalArgumentException(
                    "mobile must start with '+', '00', a Finnish '0' or the Finnish country code 358");
        }
        if (e164.startsWith(FINLAND + "0")) {
            e164 = FINLAND + e164.substring(FINLAND.length() + 1); // +358 040 …: the trunk zero written without ()
        }
        return new MobileNumber(e164);
    }

    @Override
    public ContactPointKind kind() {
        return ContactPointKind.MOBILE;
    }

    /**
     * The first digits (country code and operator prefix) and the last two: {@code +35840*****67}. At least five
     * digits are always hidden, so a short number shows less of its start.
     */
    @Override
    public String masked() {
        String digits = value.substring(1);
        int shownTail = 2;
        int shownHead = Math.max(0, Math.min(5, digits.length() - shownTail - 5));
        return "+" + digits.substring(0, shownHead)
                + "*".repeat(digits.length() - shownHead - shownTail)
                + digits.substring(digits.length() - shownTail);
    }

    @Override
    public String toString() {
        return masked();
    }
}
