package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.palaute.domain.survey.ContactPointKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    private static final String LOCAL_64 = "l".repeat(64);
    /** 63 + 1 + 63 + 1 + 58 + 3 = 189 characters, so with a 64-character local part the address is 254. */
    private static final String DOMAIN_189 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(58) + ".fi";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "matti.virtanen@example.fi          | matti.virtanen@example.fi",
            "Matti.Virtanen@Example.FI          | Matti.Virtanen@example.fi", // domain lower-cased, local kept
            "a@b.co                             | a@b.co",
            "first+tag@sub.domain.example.com   | first+tag@sub.domain.example.com",
            "o'brien@example.ie                 | o'brien@example.ie",
            "user_name-1@my-domain.fi           | user_name-1@my-domain.fi",
            "x@xn--hmeenlinna-v5a.fi            | x@xn--hmeenlinna-v5a.fi",
            "x@example.xn--p1ai                 | x@example.xn--p1ai",
            "1234@123.example.fi                | 1234@123.example.fi",
            "!#$%&*/=?^`{}~@example.fi          | !#$%&*/=?^`{}~@example.fi"})
    void acceptsPlainAddressesAndLowerCasesTheDomain(String written, String stored) {
        assertEquals(stored, new EmailAddress(written).value());
    }

    @Test
    void acceptsTheLongestLocalPartAndAddress() {
        String longest = LOCAL_64 + "@" + DOMAIN_189;
        assertEquals(254, longest.length());
        assertEquals(longest, new EmailAddress(longest).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "plain", "a@@example.fi", "a@b@example.fi", "@example.fi", "a@", "a@example", "a@fi",
            "a b@example.fi", "a@exa mple.fi", " a@example.fi", "a@example.fi ", "a@example.fi\n", "a\t@example.fi",
            ".a@example.fi", "a.@example.fi", "a..b@example.fi",
            "a@.example.fi", "a@example..fi", "a@example.fi.", "a@-example.fi", "a@example-.fi", "a@exa_mple.fi",
            "a@example.f", "a@example.123", "a@1.2.3.4", "a@[192.168.0.1]",
            "\"a b\"@example.fi", "Matti <m@example.fi>", "a(comment)@example.fi", "a,b@example.fi",
            "ä@example.fi", "a@exämple.fi"})
    void refusesAnythingElse(String written) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new EmailAddress(written));
        if (written.length() >= 4) {
            assertFalse(refused.getMessage().contains(written), "the address is never repeated");
        }
    }

    @Test
    void refusesOverlongParts() {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(LOCAL_64 + "l@example.fi"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(LOCAL_64 + "@c" + DOMAIN_189));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("a@" + "x".repeat(64) + ".fi"));
        assertThrows(NullPointerException.class, () -> new EmailAddress(null));
    }

    @Test
    void messagesNeverRepeatThePersonalParts() {
        for (String written : new String[] {"matti virtanen@virtanen-koti.fi", "matti.virtanen@virtanen-koti",
                "matti..virtanen@virtanen-koti.fi", "matti@virtanen@koti.fi"}) {
            String message = assertThrows(IllegalArgumentException.class, () -> new EmailAddress(written))
                    .getMessage();
            assertFalse(message.contains("matti"), message);
            assertFalse(message.contains("virtanen"), message);
            assertFalse(message.contains("koti"), message);
        }
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource(delimiter = '|', value = {
            "juha.example@example.fi        | j***@e***.fi",
            "Matti.Virtanen@Virtanen-Koti.FI | M***@v***.fi",
            "a@b.co                         | a***@b***.co",
            "x@mail.xn--p1ai                | x***@m***.xn--p1ai"})
    void toStringMasksMailboxAndDomain(String written, String shown) {
        EmailAddress email = new EmailAddress(written);
        assertEquals(shown, email.toString());
        assertEquals(shown, email.masked());
    }

    @Test
    void isAnEmailContactPoint() {
        assertEquals(ContactPointKind.EMAIL, new EmailAddress("a@example.fi").kind());
        assertEquals(new EmailAddress("a@EXAMPLE.fi"), new EmailAddress("a@example.fi"));
    }
}
