package fi.palaute.adapters.http.answer;

import java.nio.charset.StandardCharsets;

/**
 * Escaping for the survey pages and the dashboard. Every text that is not fixed markup goes through {@link #escape}, whether it came
 * from a customer (a comment typed back into the form) or from our own texts, so no text can ever become markup.
 */
public final class Html {

    private Html() {
    }

    /**
     * Safe in element content and in a double- or single-quoted attribute value. Control characters a page may
     * not hold become U+FFFD, so what a customer pasted cannot turn the page invalid.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isForbiddenControl(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** One path segment, percent-encoded but for RFC 3986 unreserved characters, so it cannot leave its segment. */
    public static String pathSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isForbiddenControl(int c) {
        boolean c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        return c0 || c >= 0x7f && c <= 0x9f;
    }
}
