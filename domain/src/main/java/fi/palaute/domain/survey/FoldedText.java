package fi.palaute.domain.survey;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;

/**
 * A template's text as the checks read it, and the way back to what its author wrote. Reading folds away the
 * tricks that make one text look like another: compatibility forms become plain ones (full-width "ｏｐ．ｆｉ"
 * reads "op.fi"), letters become lower case, Cyrillic and Greek letters that look Latin become Latin ("οp.fi" with
 * an omicron reads "op.fi"), and invisible formatting characters are dropped ("op", a zero-width space, ".fi"
 * reads "op.fi"; they are refused on their own as well). Every folded character remembers the original
 * characters it came from, so a violation quotes the author's own text.
 */
final class FoldedText {

    /** Cyrillic and Greek lower-case letters that pass for Latin ones in a host name or a keyword. */
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('к', 'k'),
            Map.entry('ѕ', 's'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('һ', 'h'),
            Map.entry('ԁ', 'd'), Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'), Map.entry('ӏ', 'l'),
            Map.entry('α', 'a'), Map.entry('ο', 'o'), Map.entry('ρ', 'p'), Map.entry('ε', 'e'),
            Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ν', 'v'), Map.entry('τ', 't'),
            Map.entry('υ', 'u'), Map.entry('χ', 'x'), Map.entry('ϲ', 'c'), Map.entry('ϳ', 'j'),
            Map.entry('ı', 'i'), Map.entry('ɑ', 'a'), Map.entry('ɡ', 'g'),
            // typographic apostrophes and hyphens, so "don’t" reads like "don't"
            Map.entry('’', '\''), Map.entry('‘', '\''), Map.entry('ʼ', '\''), Map.entry('´', '\''),
            Map.entry('`', '\''), Map.entry('‐', '-'), Map.entry('‑', '-'), Map.entry('−', '-'));

    private final String original;
    private final String folded;
    private final int[] from;
    private final int[] to;

    private FoldedText(String original, String folded, int[] from, int[] to) {
        this.original = original;
        this.folded = folded;
        this.from = from;
        this.to = to;
    }

    static FoldedText of(String text) {
        String original = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(original.length());
        int[] from = new int[original.length() + 16];
        int[] to = new int[original.length() + 16];
        for (int i = 0; i < original.length(); ) {
            int codePoint = original.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (Character.getType(codePoint) != Character.FORMAT) {
                String compatible =
                        Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
                for (int k = 0; k < compatible.length(); k++) {
                    if (folded.length() == from.length) {
                        from = Arrays.copyOf(from, from.length * 2);
                        to = Arrays.copyOf(to, to.length * 2);
                    }
                    from[folded.length()] = i;
                    to[folded.length()] = next;
                    folded.append(fold(compatible.charAt(k)));
                }
            }
            i = next;
        }
        return new FoldedText(original, folded.toString(), from, to);
    }

    private static char fold(char c) {
        char lower = Character.toLowerCase(c);
        return LOOK_ALIKES.getOrDefault(lower, lower);
    }

    /** The text as written (in Unicode composed form). */
    String original() {
        return original;
    }

    /** The text as the checks read it. */
    String folded() {
        return folded;
    }

    /** Where in the original the folded range [start, end) came from: its first character. */
    int originalStart(int start) {
        return start < folded.length() ? from[start] : original.length();
    }

    /** Where in the original the folded range [start, end) came from: just past its last character. */
    int originalEnd(int end) {
        return end > 0 ? to[end - 1] : 0;
    }

    /** The author's text behind the folded range [start, end), fit for a violation's fragment. */
    String quote(int start, int end) {
        if (end <= start) {
            return "";
        }
        return Fragments.cut(original.substring(originalStart(start), originalEnd(end)));
    }
}
