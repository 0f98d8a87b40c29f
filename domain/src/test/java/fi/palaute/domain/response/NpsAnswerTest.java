package fi.palaute.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NpsAnswerTest {

    private static final NpsScore NINE = new NpsScore(9);

    @Test
    void aBlankCommentIsNoCommentAndACommentIsTrimmed() {
        assertEquals(Optional.empty(), new NpsAnswer(NINE, Optional.of(" \n\t "), false).comment());
        assertEquals(Optional.of("kiitos"), new NpsAnswer(NINE, Optional.of("  kiitos \n"), false).comment());
    }

    @Test
    void aCommentHoldsAtMost1000CharactersAsAFormsMaxlengthCountsThem() {
        new NpsAnswer(NINE, Optional.of("a".repeat(1000)), false);
        assertThrows(IllegalArgumentException.class, () -> new NpsAnswer(NINE, Optional.of("a".repeat(1001)), false));
        // 500 emoji are 1,000 UTF-16 units: the limit the scrubber and the browser apply
        new NpsAnswer(NINE, Optional.of("😀".repeat(500)), false);
        assertThrows(IllegalArgumentException.class,
                () -> new NpsAnswer(NINE, Optional.of("😀".repeat(500) + "a"), false));
    }

    @Test
    void theCommentNeverShowsInToString() {
        assertFalse(new NpsAnswer(NINE, Optional.of("private words"), true).toString().contains("private"));
    }

    @Test
    void onlyAnIdentifiedDetractorWhoAllowsContactOpensAFollowUp() {
        assertEquals(true, identified(6, true).opensFollowUp());
        assertEquals(false, identified(6, false).opensFollowUp());
        assertEquals(false, identified(7, true).opensFollowUp());
        assertEquals(true, identified(0, true).opensFollowUp());
    }

    @Test
    void anAcceptedInterviewNamesAPlaceWithoutControlCharacters() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals("Kamppi", new OnsiteAcceptance.Accepted(at, "  Kamppi ").place());
        assertThrows(IllegalArgumentException.class, () -> new OnsiteAcceptance.Accepted(at, " "));
        assertThrows(IllegalArgumentException.class, () -> new OnsiteAcceptance.Accepted(at, "a\u0000b"));
        assertThrows(IllegalArgumentException.class, () -> new OnsiteAcceptance.Accepted(at, "x".repeat(201)));
    }

    private static StoredAnswer.IdentifiedAnswer identified(int score, boolean contact) {
        return new StoredAnswer.IdentifiedAnswer("a", new AnswerContext(new fi.palaute.domain.survey.SurveyId("S"),
                Optional.empty(), new fi.palaute.domain.invitation.Controller("OP"),
                fi.palaute.domain.survey.Language.FI), new fi.palaute.domain.consent.CustomerId("C"), "i",
                new NpsScore(score), Optional.empty(), contact, Instant.EPOCH);
    }
}
