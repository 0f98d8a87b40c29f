package fi.palaute.domain.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.domain.survey.Language;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link CommentScrubberFuzzTest} found, kept as plain cases so they never come back: data glued to other data
 * (it stands alone only once its neighbour is a marker), a card number right after "+", and an IBAN whose longest
 * candidate runs into a word already removed.
 */
class CommentScrubberFuzzFindingsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            131052-308T4111111111111111                         | [henkilötunnus poistettu][kortinnumero poistettu]
            4111111111111111FI2112345600000785                  | [kortinnumero poistettu][tilinumero poistettu]
            Kortti +4111111111111111.                           | Kortti +[kortinnumero poistettu].
            Tili XK05 1212 0123 4567 8906 mby@example.fi kiitos | Tili [tilinumero poistettu] [sähköpostiosoite poistettu] kiitos
            """)
    void nothingIsLeftOfWhatTheFuzzerFound(String comment, String expected) {
        ScrubbedComment scrubbed = CommentScrubber.scrub(comment, Language.FI);

        assertEquals(expected, scrubbed.text());
        assertEquals(List.of(), LeakFinder.find(scrubbed.text()));
    }
}
