package fi.palaute.domain.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values around the template check: they cannot be built invalid. */
class TemplateValuesTest {

    private static final String LINK = SurveyLinkPlaceholder.TOKEN;

    @Test
    void aFragmentLongerThanSixtyCharactersCannotExist() {
        String sixty = "x".repeat(60);

        assertEquals(sixty, new TemplateViolation(TemplateField.BODY, TemplateViolationCode.FOREIGN_LINK, sixty, "m")
                .fragment());
        assertThrows(IllegalArgumentException.class, () -> new TemplateViolation(TemplateField.BODY,
                TemplateViolationCode.FOREIGN_LINK, sixty + "x", "m"));
        assertThrows(IllegalArgumentException.class, () -> new TemplateViolation(TemplateField.BODY,
                TemplateViolationCode.FOREIGN_LINK, "x", " "));
    }

    @Test
    void aRefusalNamesAtLeastOneReasonAndCannotBeChangedAfterwards() {
        assertThrows(IllegalArgumentException.class, () -> new TemplateCheckResult.Refused(List.of()));

        TemplateViolation violation = new TemplateViolation(TemplateField.BODY, TemplateViolationCode.BODY_MISSING,
                "", "empty");
        List<TemplateViolation> list = new java.util.ArrayList<>(List.of(violation));
        TemplateCheckResult.Refused refused = new TemplateCheckResult.Refused(list);
        list.clear();
        assertEquals(List.of(violation), refused.violations());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Vastaa: {{surveyLink}}|1",
            "{{surveyLink}} {{surveyLink}}|2",
            "{{surveylink}} {{ surveyLink }} {surveyLink}|0"})
    void countsOnlyTheExactPlaceholder(String text, int count) {
        assertEquals(count, SurveyLinkPlaceholder.countIn(text));
    }

    @Test
    void fillingPutsTheCustomersLinkInPlaceOfThePlaceholder() {
        assertEquals("Vastaa: https://palaute.example/s/abc123 kiitos",
                SurveyLinkPlaceholder.fill("Vastaa: " + LINK + " kiitos", "https://palaute.example/s/abc123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vastaa kyselyyn.", "Vastaa: {{surveyLink}} {{surveyLink}}"})
    void onlyATemplateWithExactlyOnePlaceholderCanBeFilled(String template) {
        assertThrows(IllegalArgumentException.class, () -> SurveyLinkPlaceholder.fill(template, "https://x"));
    }

    @ParameterizedTest
    @CsvSource({"fi,FI", "sv,SV", "en,EN", "SV,SV", "' en ',EN"})
    void languagesAreReadFromTheirCodes(String code, Language language) {
        assertEquals(language, Language.ofCode(code));
        assertEquals(code.trim().toLowerCase(java.util.Locale.ROOT), language.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "de", "fin", "se"})
    void otherLanguagesAreInvalid(String code) {
        assertThrows(IllegalArgumentException.class, () -> Language.ofCode(code));
    }

    @Test
    void aNullLanguageIsInvalid() {
        assertThrows(IllegalArgumentException.class, () -> Language.ofCode(null));
    }

    @Test
    void onlyAnEmailHasASubject() {
        assertEquals(true, TemplateChannel.EMAIL.hasSubject());
        assertEquals(false, TemplateChannel.SMS.hasSubject());
        assertEquals(2_000, TemplateChannel.EMAIL.maxBodyLength());
        assertEquals(480, TemplateChannel.SMS.maxBodyLength());
    }
}
