package fi.palaute.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorTest {

    @Test
    void aCursorReadsBackAsItWasWritten() {
        FeedCursor cursor = new FeedCursor(7_204_301, 88);
        assertEquals(cursor, FeedCursor.parse(cursor.text()));
        assertEquals(FeedCursor.START, FeedCursor.parse("0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.", ".1", "-1.2", "01.2", "1.2.3", "1,2", "99999999999999999999.1", " 1.2"})
    void anythingElseIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> FeedCursor.parse(text));
    }
}
