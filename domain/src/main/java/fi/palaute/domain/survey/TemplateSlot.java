package fi.palaute.domain.survey;

import java.util.Objects;

/** One template a survey can hold: a written channel and a language. */
public record TemplateSlot(TemplateChannel channel, Language language) {

    public TemplateSlot {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
    }
}
