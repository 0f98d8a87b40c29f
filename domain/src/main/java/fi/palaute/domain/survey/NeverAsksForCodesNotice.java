package fi.palaute.domain.survey;

import java.util.Objects;

/**
 * The notice every rendered invitation carries, in the invitation's language: the seed promises that OP never
 * sends links through which one logs in with online-banking codes, so each message says so itself. The texts pass
 * {@link TemplateCheck} (they mention banking codes only in a sentence that says "never").
 */
public final class NeverAsksForCodesNotice {

    private NeverAsksForCodesNotice() {
    }

    public static String text(Language language) {
        Objects.requireNonNull(language, "language");
        return switch (language) {
            case FI -> "OP ei koskaan pyydä verkkopankkitunnuksia linkin kautta.";
            case SV -> "OP ber aldrig om nätbankskoder via en länk.";
            case EN -> "OP never asks for your online banking codes through a link.";
        };
    }

    /** The rendered invitation text followed, after a blank line, by the notice in its language. */
    public static String appendTo(String renderedText, Language language) {
        Objects.requireNonNull(renderedText, "renderedText");
        return renderedText.stripTrailing() + "\n\n" + text(language);
    }
}
