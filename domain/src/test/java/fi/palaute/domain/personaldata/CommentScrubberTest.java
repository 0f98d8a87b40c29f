package fi.palaute.domain.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.survey.Language;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CommentScrubberTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # personal identity numbers, every century sign, lower case too
            FI | Hetuni on 131052-308T, kiitos.             | Hetuni on [henkilötunnus poistettu], kiitos.             | PERSONAL_IDENTITY_NUMBER
            SV | Mitt personnummer är 131052Y308T.           | Mitt personnummer är [personbeteckning borttagen].       | PERSONAL_IDENTITY_NUMBER
            EN | My identity number is 131052X308T.          | My identity number is [personal identity number removed]. | PERSONAL_IDENTITY_NUMBER
            FI | Tunnus 131052W308T tarkistettu              | Tunnus [henkilötunnus poistettu] tarkistettu              | PERSONAL_IDENTITY_NUMBER
            SV | Beteckning 131052V308T                      | Beteckning [personbeteckning borttagen]                   | PERSONAL_IDENTITY_NUMBER
            EN | (131052U308T) was asked twice               | ([personal identity number removed]) was asked twice      | PERSONAL_IDENTITY_NUMBER
            FI | Lapsen hetu 010594A123W                     | Lapsen hetu [henkilötunnus poistettu]                     | PERSONAL_IDENTITY_NUMBER
            FI | Lapsen hetu 010594B123W                     | Lapsen hetu [henkilötunnus poistettu]                     | PERSONAL_IDENTITY_NUMBER
            SV | Barnets 010594C123W                         | Barnets [personbeteckning borttagen]                      | PERSONAL_IDENTITY_NUMBER
            SV | Barnets 010594D123W                         | Barnets [personbeteckning borttagen]                      | PERSONAL_IDENTITY_NUMBER
            EN | Child: 010594E123W                          | Child: [personal identity number removed]                 | PERSONAL_IDENTITY_NUMBER
            EN | Child: 010594F123W                          | Child: [personal identity number removed]                 | PERSONAL_IDENTITY_NUMBER
            FI | Isoisän tunnus 010100+123D                  | Isoisän tunnus [henkilötunnus poistettu]                  | PERSONAL_IDENTITY_NUMBER
            FI | hetu 131052-308t pienellä                   | hetu [henkilötunnus poistettu] pienellä                   | PERSONAL_IDENTITY_NUMBER
            # card numbers: Visa 16 and 13, Mastercard, Amex 15, Discover; spaces, dashes or none
            FI | Kortti 4111 1111 1111 1111 ei toimi         | Kortti [kortinnumero poistettu] ei toimi                  | CARD_NUMBER
            FI | Kortin numero 4012888888881881.             | Kortin numero [kortinnumero poistettu].                   | CARD_NUMBER
            SV | Kortet 5555-5555-5555-4444 spärrades        | Kortet [kortnummer borttaget] spärrades                   | CARD_NUMBER
            SV | Mitt kort 5105 1051 0510 5100 fungerar inte | Mitt kort [kortnummer borttaget] fungerar inte            | CARD_NUMBER
            EN | Amex 3782 822463 10005 was charged twice    | Amex [card number removed] was charged twice              | CARD_NUMBER
            EN | Amex 3714-496353-98431 was charged          | Amex [card number removed] was charged                    | CARD_NUMBER
            EN | Old Visa 4222222222222 expired              | Old Visa [card number removed] expired                    | CARD_NUMBER
            FI | Discover 6011 0009 9013 9424 hylättiin      | Discover [kortinnumero poistettu] hylättiin               | CARD_NUMBER
            # IBANs with and without spaces
            FI | Tilini FI21 1234 5600 0007 85 on tyhjä      | Tilini [tilinumero poistettu] on tyhjä                    | IBAN
            FI | Tilille FI2112345600000785, kiitos          | Tilille [tilinumero poistettu], kiitos                    | IBAN
            SV | Konto SE45 5000 0000 0583 9825 7466 tack    | Konto [kontonummer borttaget] tack                        | IBAN
            SV | Konto SE4550000000058398257466.             | Konto [kontonummer borttaget].                            | IBAN
            EN | Pay to DE89 3704 0044 0532 0130 00 please   | Pay to [account number removed] please                    | IBAN
            EN | My account GB29 NWBK 6016 1331 9268 19      | My account [account number removed]                       | IBAN
            EN | Norwegian NO9386011117947 too               | Norwegian [account number removed] too                    | IBAN
            # e-mail addresses
            FI | Vastatkaa osoitteeseen matti.meikalainen@example.fi. | Vastatkaa osoitteeseen [sähköpostiosoite poistettu]. | EMAIL
            SV | Skriv till anna-karin+bank@post.example.se  | Skriv till [e-postadress borttagen]                       | EMAIL
            EN | Mail me (john_doe@mail.co.uk) anytime       | Mail me ([e-mail address removed]) anytime                | EMAIL
            FI | Sähköposti: Pärttyli.Äijälä@esimerkki.fi    | Sähköposti: [sähköpostiosoite poistettu]                  | EMAIL
            # phone numbers: Finnish mobile and landline, international
            FI | Soittakaa 040 123 4567 iltaisin            | Soittakaa [puhelinnumero poistettu] iltaisin              | PHONE_NUMBER
            FI | Numeroni 0401234567.                        | Numeroni [puhelinnumero poistettu].                       | PHONE_NUMBER
            FI | Tavoittaa +358 40 123 4567 arkisin          | Tavoittaa [puhelinnumero poistettu] arkisin               | PHONE_NUMBER
            FI | Toimisto 09 123 4567                        | Toimisto [puhelinnumero poistettu]                        | PHONE_NUMBER
            FI | Toimisto (09) 1234 567 klo 8-16             | Toimisto [puhelinnumero poistettu] klo 8-16               | PHONE_NUMBER
            SV | Ring mig på +46 70 123 45 67                | Ring mig på [telefonnummer borttaget]                     | PHONE_NUMBER
            SV | Ring 0046 70 123 45 67 i kväll              | Ring [telefonnummer borttaget] i kväll                    | PHONE_NUMBER
            EN | Call me on 040-123 4567, thanks             | Call me on [phone number removed], thanks                 | PHONE_NUMBER
            EN | Call +358 (0)40 123 4567 after six          | Call [phone number removed] after six                     | PHONE_NUMBER
            FI | Soita (040 123 4567) illalla               | Soita ([puhelinnumero poistettu]) illalla                 | PHONE_NUMBER
            EN | Call (+44 20 7946 0958) today              | Call ([phone number removed]) today                       | PHONE_NUMBER
            """)
    void replacesPersonalData(Language language, String comment, String expected, PiiKind kind) {
        ScrubbedComment scrubbed = CommentScrubber.scrub(comment, language);

        assertEquals(expected, scrubbed.text());
        assertEquals(List.of(kind), scrubbed.removed());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # check characters, Luhn and mod-97 that do not add up
            FI | Hetu 131052-308U on väärin
            SV | Fel kortnummer 4111 1111 1111 1112
            EN | Wrong IBAN FI21 1234 5600 0007 86
            SV | Fel konto SE45 5000 0000 0583 9825 7467
            # look-alikes: order numbers, dates, amounts, times, years, postal codes, short numbers
            FI | Tilaus 123456 saapui myöhässä
            SV | Ordernummer 987654321 kom fram
            EN | Reference 1234567890123 on the letter
            FI | Käynti 24.12.2025 oli hyvä
            FI | Käynti 05.12.2025 klo 09.30
            EN | Visited on 2025-12-24 at noon
            EN | Visited on 01-12-2025
            FI | Maksoin 1 234,50 € liikaa
            EN | I paid €1,234.50 too much
            SV | Avgiften 0,50 € per månad
            FI | Tapaaminen klo 14.30
            SV | Kund sedan 1998
            FI | Konttori 00100 Helsinki
            SV | Postnummer 00500 Helsingfors
            EN | Waited 3 times for 45 minutes
            FI | Annan 9/10, ja 112 on hätänumero
            EN | Reference 0012345678901234567890 is too long to be a phone
            EN | A long run 10 000 000 000 € is an amount
            FI | Kiitos, palvelu oli erinomaista!
            SV | Tack för hjälpen, allt gick bra.
            EN | The app is great but slow on Mondays.
            EN | Contact me at matti@localhost
            """)
    void leavesLookAlikesAlone(Language language, String comment) {
        ScrubbedComment scrubbed = CommentScrubber.scrub(comment, language);

        assertEquals(comment, scrubbed.text());
        assertEquals(List.of(), scrubbed.removed());
        assertTrue(scrubbed.unchanged());
    }

    @Test
    void listsTheKindsInTheOrderTheyStood() {
        ScrubbedComment scrubbed = CommentScrubber.scrub(
                "Hetu 131052-308T, puh. 040 123 4567, kortti 4111 1111 1111 1111, tili FI21 1234 5600 0007 85"
                        + " ja matti@example.fi",
                Language.FI);

        assertEquals("Hetu [henkilötunnus poistettu], puh. [puhelinnumero poistettu], kortti [kortinnumero poistettu],"
                + " tili [tilinumero poistettu] ja [sähköpostiosoite poistettu]", scrubbed.text());
        assertEquals(List.of(PiiKind.PERSONAL_IDENTITY_NUMBER, PiiKind.PHONE_NUMBER, PiiKind.CARD_NUMBER,
                PiiKind.IBAN, PiiKind.EMAIL), scrubbed.removed());
    }

    @Test
    void aCardNumberIsNotReportedAsAPhoneNumber() {
        // 16 digits in groups, with a leading + this would still be too long for a phone number
        assertEquals(List.of(PiiKind.CARD_NUMBER),
                CommentScrubber.scrub("card 4111-1111-1111-1111", Language.EN).removed());
        assertEquals(List.of(PiiKind.CARD_NUMBER, PiiKind.PHONE_NUMBER),
                CommentScrubber.scrub("4111 1111 1111 1111 / 040 123 4567", Language.EN).removed());
    }

    @Test
    void aCardAmongOtherNumbersIsFoundAndTheOthersStay() {
        assertEquals("Tilaus 12 [kortinnumero poistettu] 7",
                CommentScrubber.scrub("Tilaus 12 4111 1111 1111 1111 7", Language.FI).text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            FI | [henkilötunnus poistettu] [kortinnumero poistettu] [tilinumero poistettu] [sähköpostiosoite poistettu] [puhelinnumero poistettu]
            SV | [personbeteckning borttagen] [kortnummer borttaget] [kontonummer borttaget] [e-postadress borttagen] [telefonnummer borttaget]
            EN | [personal identity number removed] [card number removed] [account number removed] [e-mail address removed] [phone number removed]
            """)
    void theMarkerIsInTheRequestedLanguage(Language language, String expected) {
        String comment = "131052-308T 4111111111111111 FI2112345600000785 a@b.fi 0401234567";

        assertEquals(expected, CommentScrubber.scrub(comment, language).text());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKindHasAMarkerInEveryLanguage(Language language) {
        for (PiiKind kind : PiiKind.values()) {
            String marker = kind.marker(language);
            assertTrue(marker.startsWith("[") && marker.endsWith("]"), marker);
        }
    }

    @Test
    void textWithoutPersonalDataComesBackIdentical() {
        String comment = "Palvelu oli nopeaa ja ystävällistä. Annan 10/10! Käynti 3.2.2025 klo 10.15, jono 5 min.";

        assertEquals(new ScrubbedComment(comment, List.of()), CommentScrubber.scrub(comment, Language.FI));
    }

    @Test
    void aCommentOfAThousandCharactersIsScrubbedAndOneLongerIsRefused() {
        String thousand = "a".repeat(985) + " 131052-308T...";
        assertEquals(1000, thousand.length());
        assertEquals(List.of(PiiKind.PERSONAL_IDENTITY_NUMBER), CommentScrubber.scrub(thousand, Language.FI).removed());

        String longer = "b".repeat(986) + " 131052-308T...";
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> CommentScrubber.scrub(longer, Language.FI));
        assertEquals("a comment holds at most 1000 characters", refused.getMessage());
        assertFalse(refused.getMessage().contains("131052"));
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> CommentScrubber.scrub(null, Language.FI));
        assertThrows(NullPointerException.class, () -> CommentScrubber.scrub("kiitos", null));
    }

    @Test
    void toStringNeverShowsTheComment() {
        ScrubbedComment scrubbed = CommentScrubber.scrub("Hetu 131052-308T, muuten hyvä", Language.FI);

        String shown = scrubbed.toString();
        assertFalse(shown.contains("131052"), shown);
        assertFalse(shown.contains("muuten"), shown);
        assertTrue(shown.contains("PERSONAL_IDENTITY_NUMBER"), shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0
            0 -
            a@
            a.
            4
            FI21
            +0
            (0
            '1 '
            '0 '
            a@b.
            '+358 '
            '4111 '
            """)
    void pathologicalInputIsScrubbedAtAll(String unit) {
        String comment = unit.repeat(MAX / unit.length() + 1).substring(0, MAX);

        // Not a speed check (that is a benchmark's job): catastrophic backtracking on 1,000 characters takes
        // minutes to ages, so a bound this generous only fails if a pattern goes exponential.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CommentScrubber.scrub(comment, Language.EN));
    }

    private static final int MAX = CommentScrubber.MAX_LENGTH;

    // --- a randomized property: generated valid data never survives, whatever surrounds it ---

    private static final String[] WORDS = {
        "kiitos", "palvelu", "oli", "hyvä", "tack", "för", "hjälpen", "thanks", "great", "service", "numero",
        "kortti", "konto", "hetu", "tili", "ja", "och", "and", "äö", "Å", "OK", "!", "?", "-", "€", "klo", "/"};
    private static final String[] SEPARATORS = {" ", ": ", " (", ", ", "\n", " - ", " \""};
    private static final String[] AFTER = {" ", ". ", ") ", ", ", "\n", "! ", "\" "};
    private static final String CENTURY_SIGNS = "+-YXWVUABCDEF";
    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    @Test
    void generatedValidDataNeverSurvives() {
        Random random = new Random(20250601L);
        for (int i = 0; i < 3000; i++) {
            String value;
            PiiKind kind;
            switch (random.nextInt(3)) {
                case 0:
                    value = personalIdentityNumber(random);
                    kind = PiiKind.PERSONAL_IDENTITY_NUMBER;
                    break;
                case 1:
                    value = cardNumber(random);
                    kind = PiiKind.CARD_NUMBER;
                    break;
                default:
                    value = iban(random);
                    kind = PiiKind.IBAN;
                    break;
            }
            String comment = words(random) + SEPARATORS[random.nextInt(SEPARATORS.length)] + value
                    + AFTER[random.nextInt(AFTER.length)] + words(random);
            Language language = Language.values()[random.nextInt(3)];

            ScrubbedComment scrubbed = CommentScrubber.scrub(comment, language);

            String digits = value.replaceAll("\\D", "");
            String context = "case " + i + " (" + kind + ")"; // never the value itself in a message
            assertFalse(scrubbed.text().replaceAll("\\D", "").contains(digits), context);
            assertTrue(scrubbed.text().contains(kind.marker(language)), context);
            assertEquals(List.of(kind), scrubbed.removed(), context);
        }
    }

    private static String words(Random random) {
        int count = random.nextInt(6);
        return Arrays.stream(new String[count])
                .map(unused -> WORDS[random.nextInt(WORDS.length)])
                .collect(Collectors.joining(" "));
    }

    private static String personalIdentityNumber(Random random) {
        char sign = CENTURY_SIGNS.charAt(random.nextInt(CENTURY_SIGNS.length()));
        int century = sign == '+' ? 1800 : "-YXWVU".indexOf(sign) >= 0 ? 1900 : 2000;
        LocalDate date = LocalDate.of(century, 1, 1).plusDays(random.nextInt(36524));
        String birth = String.format("%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
        String individual = String.format("%03d", 2 + random.nextInt(898));
        char check = CHECK_CHARACTERS.charAt((int) (Long.parseLong(birth + individual) % 31));
        String number = birth + sign + individual + check;
        return random.nextBoolean() ? number : number.toLowerCase();
    }

    private static String cardNumber(Random random) {
        int length = 13 + random.nextInt(7);
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (CommentScrubber.isLuhnValid(digits.toString() + check)) {
                digits.append(check);
                break;
            }
        }
        return grouped(digits.toString(), random.nextInt(3) == 0 ? "-" : " ", random);
    }

    private static String iban(Random random) {
        String[][] countries = {{"FI", "14"}, {"SE", "20"}, {"DE", "18"}, {"NO", "11"}, {"NL", "14"}};
        String[] country = countries[random.nextInt(countries.length)];
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < Integer.parseInt(country[1]); i++) {
            bban.append(random.nextInt(10));
        }
        for (int check = 2; check <= 98; check++) {
            String candidate = country[0] + String.format("%02d", check) + bban;
            if (CommentScrubber.isMod97Valid(candidate)) {
                return grouped(candidate, " ", random);
            }
        }
        throw new IllegalStateException("no check digits found");
    }

    /** In groups of four with the separator, or without any, at random. */
    private static String grouped(String value, String separator, Random random) {
        if (random.nextBoolean()) {
            return value;
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                grouped.append(separator);
            }
            grouped.append(value, i, Math.min(value.length(), i + 4));
        }
        return grouped.toString();
    }
}
