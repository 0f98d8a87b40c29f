package fi.palaute.domain.survey;

import java.util.Locale;

/** The languages a survey can be offered in, named by their ISO 639-1 codes as they appear in the API. */
public enum Language {
    FI("fi"),
    SV("sv"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The language for an API code such as {@code "sv"}; anything else is invalid input. */
    public static Language ofCode(String code) {
        if (code != null) {
            String wanted = code.trim().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.code.equals(wanted)) {
                    return language;
                }
            }
        }
        throw new IllegalArgumentException("language must be one of fi, sv, en");
    }
}
