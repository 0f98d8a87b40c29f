package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.survey.ContactPointKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // Finnish, every way people and systems write them
            "040 123 4567           | +358401234567",
            "0401234567             | +358401234567",
            "+358 40 123 4567       | +358401234567",
            "+358401234567          | +358401234567",
            "00358401234567         | +358401234567",
            "00 358 40 123 4567     | +358401234567",
            "358401234567           | +358401234567", // MSISDN form of bank systems and SMS gateways
            "(040) 123-4567         | +358401234567",
            "040-1234567            | +358401234567",
            "+358-40-123-4567       | +358401234567",
            "+358 (0)40 123 4567    | +358401234567", // trunk zero in parentheses
            "+358 040 123 4567      | +358401234567", // trunk zero written anyway
            "'  040 123 4567  '     | +358401234567",
            "050 123 4567           | +358501234567",
            "0457 123 4567          | +3584571234567",
            "044 1234               | +358441234",     // shortest Finnish mobile: 4x and four digits
            "040 1234 5678          | +3584012345678", // longest: 4x and eight digits
            // international
            "+46 70 123 45 67       | +46701234567",
            "0046 70 123 45 67      | +46701234567",
            "+46 (0)70 123 45 67    | +46701234567",
            "+1 (212) 555-0100      | +12125550100",
            "+44 7700 900123        | +447700900123",
            "+12345678              | +12345678",      // 8 digits, the least
            "+123456789012345       | +123456789012345"}) // 15, the most
    void normalisesToE164(String written, String e164) {
        assertEquals(e164, MobileNumber.parse(written).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "abc", "040 123 456a", "O40 123 4567", "040.123.4567", "040/1234567", "+358 40 123 4567 ext 5",
            "040 123", "+1234567", "+1234567890123456", "0",
            "09 123 4567", "+358 9 123 4567", "018 12345", "020 123 4567", "0800 12345", "+358 18 123 456",
            "040 1234 5678 9", // a Finnish mobile with nine digits after 4x
            "401234567", "46701234567", "1234567890",
            "+0 123 456 789", "000 46 70 123 45 67", "++358401234567", "040+1234567", "+", "00",
            "\u0660\u0664\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667", // Arabic-Indic digits
            "0401234567 0401234567 0401234567 0401234567"})
    void refusesAnythingElse(String written) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> MobileNumber.parse(written));
        String message = refused.getMessage();
        assertFalse(written.length() >= 4 && message.contains(written), "the number is never repeated");
        assertFalse(message.matches("(?s).*[0-9]{4}.*"), "no run of four digits in: " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0401234567", "+358 40 123 4567", "+35891234567", "+3580401234567", "358401234567",
            "+46 70 123 45 67", "+1234567"})
    void theConstructorTakesOnlyTheCanonicalForm(String notCanonical) {
        assertThrows(IllegalArgumentException.class, () -> new MobileNumber(notCanonical));
    }

    @Test
    void theConstructorAcceptsWhatParseMakes() {
        assertEquals(MobileNumber.parse("040 123 4567"), new MobileNumber("+358401234567"));
        assertEquals(ContactPointKind.MOBILE, new MobileNumber("+358401234567").kind());
        assertThrows(NullPointerException.class, () -> new MobileNumber(null));
        assertThrows(NullPointerException.class, () -> MobileNumber.parse(null));
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource(delimiter = '|', value = {
            "+358401234567    | +35840*****67",
            "+3584571234567   | +35845******67",
            "+358441234       | +35*****34",
            "+46701234567     | +4670*****67",
            "+12345678        | +1*****78",
            "+123456789012345 | +12345********45"})
    void toStringHidesAtLeastFiveDigits(String e164, String shown) {
        MobileNumber mobile = new MobileNumber(e164);
        assertEquals(shown, mobile.toString());
        assertEquals(shown, mobile.masked());
        assertTrue(shown.chars().filter(c -> c == '*').count() >= 5);
    }
}
