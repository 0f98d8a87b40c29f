package fi.palaute.adapters.http.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapingLeavesNoMarkupAndNoForbiddenControlCharacter() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;\uFFFD\uFFFD\uFFFD\n\tä😀",
                Html.escape("<a href=\"x\" title='y'>&amp;\u0000\u0007\u0085\n\tä😀"));
    }

    @Test
    void aPathSegmentCannotLeaveItsSegment() {
        assertEquals("a%2Fb%3Fc%23d%20%C3%A4-_.~", Html.pathSegment("a/b?c#d ä-_.~"));
        assertEquals("tVn3Jw0q8cKx-Yh2b9_ZrAqLmP4sD6fGhJkLzXcVbNm",
                Html.pathSegment("tVn3Jw0q8cKx-Yh2b9_ZrAqLmP4sD6fGhJkLzXcVbNm"), "a real token is left as it is");
    }
}
