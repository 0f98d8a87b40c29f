package fi.palaute.domain.survey;

/** Quoting an author's text in a violation: one line, at most {@value TemplateViolation#MAX_FRAGMENT_LENGTH} chars. */
final class Fragments {

    private Fragments() {
    }

    static String cut(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        int max = TemplateViolation.MAX_FRAGMENT_LENGTH;
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return oneLine.substring(0, end) + "…";
    }
}
