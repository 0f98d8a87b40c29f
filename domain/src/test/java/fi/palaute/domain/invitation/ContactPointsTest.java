package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.palaute.domain.survey.DeliveryChannel;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactPointsTest {

    private static final EmailAddress EMAIL = new EmailAddress("matti.virtanen@example.fi");
    private static final MobileNumber MOBILE = MobileNumber.parse("040 123 4567");

    /** Which contact point each delivery channel takes from what the event brought; "-" is none usable. */
    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource({
            "EMAIL,  none,   -",
            "EMAIL,  email,  email",
            "EMAIL,  mobile, -",
            "EMAIL,  both,   email",
            "SMS,    none,   -",
            "SMS,    email,  -",
            "SMS,    mobile, mobile",
            "SMS,    both,   mobile",
            "PHONE,  none,   -",
            "PHONE,  email,  -",
            "PHONE,  mobile, mobile",
            "PHONE,  both,   mobile",
            "ONSITE, none,   -",
            "ONSITE, email,  email",
            "ONSITE, mobile, mobile",
            "ONSITE, both,   email"})
    void eachDeliveryChannelTakesTheContactPointItNeeds(DeliveryChannel channel, String available, String chosen) {
        Optional<ContactPoint> expected = chosen.equals("email") ? Optional.of(EMAIL)
                : chosen.equals("mobile") ? Optional.of(MOBILE) : Optional.empty();
        assertEquals(expected, available(available).usableFor(channel));
    }

    @Test
    void printingTheContactPointsRevealsNeither() {
        String printed = ContactPoints.of(EMAIL, MOBILE).toString();
        assertFalse(printed.contains("virtanen"), printed);
        assertFalse(printed.contains("1234567"), printed);
    }

    static ContactPoints available(String which) {
        switch (which) {
            case "none":
                return ContactPoints.NONE;
            case "email":
                return ContactPoints.of(EMAIL);
            case "mobile":
                return ContactPoints.of(MOBILE);
            case "both":
                return ContactPoints.of(EMAIL, MOBILE);
            default:
                throw new IllegalArgumentException(which);
        }
    }
}
