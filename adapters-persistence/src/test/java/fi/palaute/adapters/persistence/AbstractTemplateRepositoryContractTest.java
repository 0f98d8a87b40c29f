package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.survey;
import static fi.palaute.adapters.persistence.TestData.transactionalDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateSlot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link TemplateRepository}; a subclass supplies the database. */
public abstract class AbstractTemplateRepositoryContractTest {

    private static final TemplateSlot EMAIL_FI = new TemplateSlot(TemplateChannel.EMAIL, Language.FI);
    private static final TemplateSlot EMAIL_SV = new TemplateSlot(TemplateChannel.EMAIL, Language.SV);
    private static final TemplateSlot EMAIL_EN = new TemplateSlot(TemplateChannel.EMAIL, Language.EN);
    private static final TemplateSlot SMS_FI = new TemplateSlot(TemplateChannel.SMS, Language.FI);
    private static final TemplateSlot SMS_EN = new TemplateSlot(TemplateChannel.SMS, Language.EN);

    private Database database;
    private TemplateRepository templates;
    private SurveyId surveyId;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        templates = database.templates();
        Survey survey = survey(transactionalDefinition("Chat"), SurveyState.DRAFT, at(0));
        database.surveys().insert(survey);
        surveyId = survey.id();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private static InvitationTemplate template(SurveyId survey, TemplateSlot slot, String greeting, Instant at) {
        String body = greeting + " Kiitos asioinnistasi. Vastaa lyhyeen kyselyyn: {{surveyLink}}";
        return new InvitationTemplate(survey, slot, slot.channel().hasSubject() ? "Kiitos asioinnista" : "", body, at);
    }

    @Test
    void aSavedTemplateIsFoundInItsSlotExactlyAsSaved() {
        InvitationTemplate email = template(surveyId, EMAIL_FI, "Hei!", at(0));
        InvitationTemplate sms = template(surveyId, SMS_FI, "OP:", at(1));

        templates.save(email);
        templates.save(sms);

        assertEquals(Optional.of(email), templates.find(surveyId, EMAIL_FI));
        assertEquals(Optional.of(sms), templates.find(surveyId, SMS_FI));
        assertEquals(Optional.empty(), templates.find(surveyId, EMAIL_SV));
        assertEquals(Optional.empty(), templates.find(new SurveyId("other"), EMAIL_FI));
    }

    @Test
    void savingAgainReplacesTheTemplateInThatSlotOnly() {
        InvitationTemplate first = template(surveyId, EMAIL_FI, "Hei!", at(0));
        InvitationTemplate untouched = template(surveyId, EMAIL_SV, "Hej!", at(1));
        InvitationTemplate second = new InvitationTemplate(surveyId, EMAIL_FI, "Uusi otsikko",
                "Moi! Kerro, miten onnistuimme: {{surveyLink}}", at(60));
        templates.save(first);
        templates.save(untouched);

        templates.save(second);

        assertEquals(Optional.of(second), templates.find(surveyId, EMAIL_FI));
        assertEquals(List.of(second, untouched), templates.findBySurvey(surveyId));
    }

    @Test
    void aSurveysTemplatesComeByChannelThenLanguageInTheirEnumOrder() {
        Survey otherSurvey = survey(transactionalDefinition("Muu"), SurveyState.DRAFT, at(0));
        database.surveys().insert(otherSurvey);
        InvitationTemplate smsEn = template(surveyId, SMS_EN, "OP:", at(0));
        InvitationTemplate emailEn = template(surveyId, EMAIL_EN, "Hi!", at(1));
        InvitationTemplate smsFi = template(surveyId, SMS_FI, "OP:", at(2));
        InvitationTemplate emailSv = template(surveyId, EMAIL_SV, "Hej!", at(3));
        InvitationTemplate emailFi = template(surveyId, EMAIL_FI, "Hei!", at(4));
        for (InvitationTemplate template : List.of(smsEn, emailEn, smsFi, emailSv, emailFi)) {
            templates.save(template);
        }
        templates.save(template(otherSurvey.id(), EMAIL_FI, "Hei!", at(5)));

        assertEquals(List.of(emailFi, emailSv, emailEn, smsFi, smsEn), templates.findBySurvey(surveyId));
        assertEquals(List.of(), templates.findBySurvey(new SurveyId("no-such-survey")));
    }

    @Test
    void aTemplateForAnUnknownSurveyIsRefused() {
        assertThrows(RuntimeException.class,
                () -> templates.save(template(new SurveyId("no-such-survey"), EMAIL_FI, "Hei!", at(0))));
    }

    /** A template changed behind the service's back to one the check refuses is never handed out. */
    @Test
    void aStoredTemplateThatFailsTheCheckIsNotReadBack() {
        templates.save(template(surveyId, EMAIL_FI, "Hei!", at(0)));
        database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE invitation_template SET body = 'Kirjaudu verkkopankkiin: https://op-tunnistus.example/'"));

        assertThrows(IllegalArgumentException.class, () -> templates.find(surveyId, EMAIL_FI));
    }
}
