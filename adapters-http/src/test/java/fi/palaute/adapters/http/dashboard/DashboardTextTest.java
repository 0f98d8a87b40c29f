package fi.palaute.adapters.http.dashboard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import org.junit.jupiter.api.Test;

/** Every text exists in every language, and every channel and language a report can name has a name to show. */
class DashboardTextTest {

    @Test
    void everyTextIsWrittenInEveryLanguageAsPlainText() {
        for (DashboardText text : DashboardText.values()) {
            for (Language language : Language.values()) {
                String written = text.in(language);
                assertFalse(written.isBlank(), text + " " + language);
                assertFalse(written.contains("<") || written.contains(">"), "plain text: " + text);
            }
        }
    }

    @Test
    void everyChannelAndLanguageHasANameToShow() {
        for (Channel channel : Channel.values()) {
            assertDoesNotThrow(() -> DashboardText.valueOf("CHANNEL_" + channel.name()), channel.name());
        }
        for (Language language : Language.values()) {
            assertDoesNotThrow(() -> DashboardText.valueOf("LANGUAGE_" + language.name()), language.name());
        }
    }

    @Test
    void theChartJsPathIsTheWebjarsFile() {
        assertTrue(DashboardAssets.CHART_JS_PATH.matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.js"),
                DashboardAssets.CHART_JS_PATH);
        assertTrue(new DashboardAssets().chartJs.length > 100_000, "the whole library, read from the classpath");
    }
}
