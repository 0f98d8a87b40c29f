package fi.palaute.domain.personaldata;

import fi.palaute.domain.survey.Language;
import java.util.Objects;

/** The kinds of personal data {@link CommentScrubber} removes from a comment, each with its marker per language. */
public enum PiiKind {
    PERSONAL_IDENTITY_NUMBER(
            "[henkilötunnus poistettu]", "[personbeteckning borttagen]", "[personal identity number removed]"),
    CARD_NUMBER("[kortinnumero poistettu]", "[kortnummer borttaget]", "[card number removed]"),
    IBAN("[tilinumero poistettu]", "[kontonummer borttaget]", "[account number removed]"),
    EMAIL("[sähköpostiosoite poistettu]", "[e-postadress borttagen]", "[e-mail address removed]"),
    PHONE_NUMBER("[puhelinnumero poistettu]", "[telefonnummer borttaget]", "[phone number removed]");

    private final String finnish;
    private final String swedish;
    private final String english;

    PiiKind(String finnish, String swedish, String english) {
        this.finnish = finnish;
        this.swedish = swedish;
        this.english = english;
    }

    /** The text that stands in the comment where personal data of this kind was. */
    public String marker(Language language) {
        Objects.requireNonNull(language, "language");
        switch (language) {
            case FI:
                return finnish;
            case SV:
                return swedish;
            case EN:
                return english;
            default:
                throw new IllegalStateException("no marker for language " + language.code());
        }
    }
}
