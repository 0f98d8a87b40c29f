package fi.palaute.domain.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fuzz test's oracle must itself be right: it finds what it should, where it should, and nothing else. */
class LeakFinderTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # personal identity numbers: every century sign, lower case, at the edges of the text
            131052-308T                                  | PERSONAL_IDENTITY_NUMBER 0-11
            Hetu 131052Y308T, kiitos                     | PERSONAL_IDENTITY_NUMBER 5-16
            131052X308T 131052W308T 131052V308T          | PERSONAL_IDENTITY_NUMBER 0-11, PERSONAL_IDENTITY_NUMBER 12-23, PERSONAL_IDENTITY_NUMBER 24-35
            (131052U308T)                                | PERSONAL_IDENTITY_NUMBER 1-12
            010594A123W 010594B123W 010594C123W          | PERSONAL_IDENTITY_NUMBER 0-11, PERSONAL_IDENTITY_NUMBER 12-23, PERSONAL_IDENTITY_NUMBER 24-35
            010594D123W.010594E123W/010594F123W          | PERSONAL_IDENTITY_NUMBER 0-11, PERSONAL_IDENTITY_NUMBER 12-23, PERSONAL_IDENTITY_NUMBER 24-35
            isoisä 010100+123D                           | PERSONAL_IDENTITY_NUMBER 7-18
            290200a1239 on karkauspäivä                  | PERSONAL_IDENTITY_NUMBER 0-11
            [marker]131052-308t[marker]                  | PERSONAL_IDENTITY_NUMBER 8-19
            # not personal identity numbers: wrong check, date, sign, individual number, or inside a longer word
            131052-308U                                  | none
            290201A123J                                  | none
            131052Z308T                                  | none
            131052-001W                                  | none
            x131052-308T                                 | none
            131052-308Tx                                 | none
            7131052-308T                                 | none
            131052-308T٣                                 | none
            ä131052-308T                                 | none
            # card numbers: separators, letters touching, amid other numbers
            4111 1111 1111 1111                          | CARD_NUMBER 0-19
            kortti4111-1111-1111-1111!                   | CARD_NUMBER 6-25
            3782 822463 10005                            | CARD_NUMBER 0-17
            4222222222222                                | CARD_NUMBER 0-13
            +4111111111111111                            | CARD_NUMBER 1-17
            12 4111 1111 1111 1111 7                     | CARD_NUMBER 3-22
            # not card numbers: Luhn, length, leading 0, double separators, inside a longer digit run
            4111 1111 1111 1112                          | none
            411111111111                                 | none
            41111111111111111111111                      | none
            0411 1111 1111 1111 1                        | none
            4111  1111 1111 1111                         | none
            54111111111111111                            | none
            4111111111111111²                            | none
            # IBANs: registered lengths, spaces, lower case, other countries 15-34
            # (the 14 digits after FI21 happen to pass Luhn on their own: in that text they are a card number too)
            FI21 1234 5600 0007 85                       | IBAN 0-22, CARD_NUMBER 5-22
            Tilille FI2112345600000785, kiitos           | IBAN 8-26
            GB29 NWBK 6016 1331 9268 19                  | IBAN 0-27
            de89 3704 0044 0532 0130 00.                 | IBAN 0-27
            NO9386011117947                              | IBAN 0-15
            QQ12 1234 5678 9012 3456 7                   | IBAN 0-26
            # not IBANs: mod-97, registered length, double spaces, inside a longer word
            FI21 1234 5600 0007 86                       | none
            FI2112345600000785 6                         | IBAN 0-18
            FI18 1234 5600 0007 8512                     | none
            GB29  NWBK 6016 1331 9268 19                 | none
            xFI2112345600000785                          | none
            FI2112345600000785y                          | none
            """)
    void findsExactlyTheValuesStandingOnTheirOwn(String text, String expected) {
        String found = LeakFinder.find(text).stream()
                .map(leak -> leak.kind() + " " + leak.start() + "-" + leak.end())
                .collect(Collectors.joining(", "));

        assertEquals(expected, found.isEmpty() ? "none" : found);
    }

    @ParameterizedTest
    @CsvSource({"FI2112345600000785, 1", "GB29NWBK60161331926819, 1", "FI0012345600000785, 77"})
    void mod97IsComputedOnTheRearrangedCharacters(String iban, int remainder) {
        assertEquals(remainder, LeakFinder.mod97(iban.substring(4) + iban.substring(0, 4)));
    }

    @ParameterizedTest
    @CsvSource({"4111111111111111, 30", "79927398713, 70", "0, 0", "18, 10"})
    void luhnSumDoublesEverySecondDigitFromTheRight(String digits, int sum) {
        assertEquals(sum, LeakFinder.luhnSum(digits));
    }

    @org.junit.jupiter.api.Test
    void theLeakNamesItsValue() {
        assertEquals(List.of(new LeakFinder.Leak(PiiKind.CARD_NUMBER, 2, 18, "4111111111111111")),
                LeakFinder.find("x 4111111111111111 x"));
    }
}
