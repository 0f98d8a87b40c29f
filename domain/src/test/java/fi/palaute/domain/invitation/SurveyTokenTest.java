package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyTokenTest {

    @Test
    void aTokenIs256RandomBitsInBase64urlAndOnlyItsHashIsKept() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            SurveyToken token = SurveyToken.generate();
            assertTrue(token.text().matches("[A-Za-z0-9_-]{43}"), "43 base64url characters carry 256 bits");
            assertTrue(seen.add(token.text()));
            assertEquals(token.hash(), SurveyToken.presented(token.text()).hash());
            assertFalse(token.toString().contains(token.text()));
            assertFalse(token.hash().hex().contains(token.text()));
        }
        assertNotEquals(SurveyToken.presented("a").hash(), SurveyToken.presented("b").hash());
        assertThrows(IllegalArgumentException.class, () -> new TokenHash("ABC"));
    }

    @Test
    void linksAreOnTheServicesOwnBaseUrl() {
        SurveyToken token = SurveyToken.presented("abc");
        assertEquals("https://palaute.op.fi/s/abc", new SurveyLinks("https://palaute.op.fi/").linkFor(token));
        assertEquals("http://localhost:8080/kysely/s/abc", new SurveyLinks("http://localhost:8080/kysely").linkFor(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"palaute.op.fi", "ftp://palaute.op.fi", "https://palaute.op.fi/?x=1",
            "https://palaute.op.fi/#f", "https://user@palaute.op.fi", "javascript:alert(1)", "https:///path", ""})
    void aBaseUrlThatCouldSendCustomersElsewhereIsRefused(String base) {
        assertThrows(IllegalArgumentException.class, () -> new SurveyLinks(base));
    }
}
