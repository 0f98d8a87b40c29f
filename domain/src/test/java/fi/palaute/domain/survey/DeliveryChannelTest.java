package fi.palaute.domain.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryChannelTest {

    @ParameterizedTest(name = "{0}: reminder {1}, contact points {2}")
    @CsvSource({
            "EMAIL,  true,  EMAIL",
            "SMS,    true,  MOBILE",
            "PHONE,  false, MOBILE",
            "ONSITE, false, EMAIL MOBILE"})
    void remindersAndContactPoints(DeliveryChannel channel, boolean reminder, String contactPoints) {
        assertEquals(reminder, channel.allowsReminder());
        List<ContactPointKind> expected = Arrays.stream(contactPoints.split(" "))
                .map(ContactPointKind::valueOf).collect(Collectors.toList());
        assertEquals(expected, channel.usableContactPoints());
    }

    @Test
    void theClosedListsAreExactlyTheSpecsOnes() {
        assertEquals("[EMAIL, SMS, PHONE, ONSITE]", Arrays.toString(DeliveryChannel.values()));
        assertEquals("[BRANCH, PHONE_SERVICE, CHAT, ONLINE_BANK, MOBILE_APP]", Arrays.toString(Channel.values()));
    }
}
