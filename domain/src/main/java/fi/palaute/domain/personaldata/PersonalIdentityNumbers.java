package fi.palaute.domain.personaldata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finnish personal identity numbers (henkilötunnus, HETU): DDMMYY, a century sign, a three-digit individual
 * number and a check character. The notice promises we never ask for one, so anything that passes this check
 * is treated as one, whatever the caller meant.
 */
public final class PersonalIdentityNumbers {

    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /** Every century sign, including those added in 2023 (Y X W V U for the 1900s, B C D E F for the 2000s). */
    private static final Map<Character, Integer> CENTURY_BY_SIGN = Map.ofEntries(
            Map.entry('+', 1800),
            Map.entry('-', 1900), Map.entry('Y', 1900), Map.entry('X', 1900), Map.entry('W', 1900),
            Map.entry('V', 1900), Map.entry('U', 1900),
            Map.entry('A', 2000), Map.entry('B', 2000), Map.entry('C', 2000), Map.entry('D', 2000),
            Map.entry('E', 2000), Map.entry('F', 2000));

    private static final Pattern SHAPE =
            Pattern.compile("(\\d{2})(\\d{2})(\\d{2})([-+ABCDEFUVWXY])(\\d{3})([0-9A-Y])", Pattern.CASE_INSENSITIVE);

    private PersonalIdentityNumbers() {
    }

    /** True when the whole text is a valid personal identity number: real date, known century sign, right check. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 11) {
            return false;
        }
        Matcher m = SHAPE.matcher(text);
        return m.matches() && isValid(m);
    }

    private static boolean isValid(Matcher m) {
        char sign = Character.toUpperCase(m.group(4).charAt(0));
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int year = CENTURY_BY_SIGN.get(sign) + Integer.parseInt(m.group(3));
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException notADate) {
            return false;
        }
        int individualNumber = Integer.parseInt(m.group(5));
        if (individualNumber < 2) {
            return false; // 000 and 001 are never issued
        }
        long number = Long.parseLong(m.group(1) + m.group(2) + m.group(3) + m.group(5));
        char expected = CHECK_CHARACTERS.charAt((int) (number % 31));
        return expected == Character.toUpperCase(m.group(6).charAt(0));
    }
}
