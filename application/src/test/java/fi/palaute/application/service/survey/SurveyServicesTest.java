package fi.palaute.application.service.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryPartners;
import fi.palaute.application.fakes.InMemorySurveys;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.fakes.Surveys;
import fi.palaute.application.port.in.survey.ChangeSurveyCommand;
import fi.palaute.application.port.in.survey.ChangeSurveyResult;
import fi.palaute.application.port.in.survey.CreateSurveyCommand;
import fi.palaute.application.port.in.survey.CreateSurveyResult;
import fi.palaute.application.port.in.survey.SaveTemplateCommand;
import fi.palaute.application.port.in.survey.SaveTemplateResult;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateSlot;
import fi.palaute.domain.survey.TemplateViolationCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyServicesTest {

    private static final PartnerId PARTNER = new PartnerId("taloustutkimus");
    private static final String GOOD_BODY = "Kiitos asioinnista! Kerro kokemuksestasi: {{surveyLink}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemorySurveys surveys = new InMemorySurveys(transactions);
    private final InMemoryPartners partners = new InMemoryPartners(transactions);
    private final CreateSurveyService create = new CreateSurveyService(transactions, surveys, partners, clock);
    private final ChangeSurveyService change = new ChangeSurveyService(transactions, surveys, partners, surveys, clock);
    private final SaveTemplateService saveTemplate = new SaveTemplateService(transactions, surveys, surveys, clock);

    private Survey created(SurveyDefinition definition) {
        return assertInstanceOf(CreateSurveyResult.Created.class, create.create(new CreateSurveyCommand(definition)))
                .survey();
    }

    private SaveTemplateResult save(SurveyId id, Language language, String body) {
        return saveTemplate.save(new SaveTemplateCommand(id, new TemplateSlot(TemplateChannel.EMAIL, language),
                "Miten onnistuimme?", body));
    }

    @Test
    void aNewSurveyIsADraft() {
        Survey survey = created(Surveys.emailOnChat(0.5));
        assertEquals(SurveyState.DRAFT, survey.state());
        assertEquals(List.of(survey), surveys.findAll());
    }

    @Test
    void aPartnerDeliveredSurveyNeedsARegisteredPartner() {
        assertEquals(new CreateSurveyResult.UnknownPartner(PARTNER),
                create.create(new CreateSurveyCommand(Surveys.smsOnChat(PARTNER))));
        assertTrue(surveys.findAll().isEmpty());

        transactions.inTransaction(() -> partners.insertIfAbsent(new Partner(PARTNER, "Taloustutkimus", clock.instant())));
        created(Surveys.smsOnChat(PARTNER));
    }

    @Test
    void itGoesActiveOnlyWithATemplateForEveryLanguage() {
        Survey survey = created(Surveys.emailOnChat(1)); // fi, en
        assertInstanceOf(SaveTemplateResult.Saved.class, save(survey.id(), Language.FI, GOOD_BODY));

        ChangeSurveyResult missing = change.change(
                new ChangeSurveyCommand(survey.id(), survey.definition(), SurveyState.ACTIVE));
        assertEquals(new ChangeSurveyResult.MissingTemplates(List.of(new TemplateSlot(TemplateChannel.EMAIL, Language.EN))),
                missing);
        assertEquals(SurveyState.DRAFT, surveys.find(survey.id()).orElseThrow().state());

        save(survey.id(), Language.EN, "Thank you! Tell us how we did: {{surveyLink}}");
        clock.advance(Duration.ofMinutes(1));
        ChangeSurveyResult active = change.change(
                new ChangeSurveyCommand(survey.id(), survey.definition(), SurveyState.ACTIVE));
        Survey changed = assertInstanceOf(ChangeSurveyResult.Changed.class, active).survey();
        assertEquals(SurveyState.ACTIVE, changed.state());
        assertEquals(clock.instant(), changed.updatedAt());
        assertEquals(changed, surveys.find(survey.id()).orElseThrow());
    }

    @Test
    void aPhoneSurveyNeedsNoTemplate() {
        transactions.inTransaction(() -> partners.insertIfAbsent(new Partner(PARTNER, "Taloustutkimus", clock.instant())));
        SurveyDefinition phone = new SurveyDefinition("Phone", Surveys.smsOnChat(PARTNER).kind(),
                Surveys.smsOnChat(PARTNER).listensTo(), fi.palaute.domain.survey.DeliveryChannel.PHONE,
                Surveys.smsOnChat(PARTNER).deliverer(), false, List.of(Language.FI), SurveyDefinition.DEFAULT_WINDOW,
                false);
        Survey survey = created(phone);
        assertInstanceOf(ChangeSurveyResult.Changed.class,
                change.change(new ChangeSurveyCommand(survey.id(), phone, SurveyState.ACTIVE)));
    }

    @Test
    void fixedPartsStayFixedOnceActiveAndAClosedSurveyDoesNotChange() {
        Survey survey = created(Surveys.emailOnChat(1));
        save(survey.id(), Language.FI, GOOD_BODY);
        save(survey.id(), Language.EN, "Tell us how we did: {{surveyLink}}");
        change.change(new ChangeSurveyCommand(survey.id(), survey.definition(), SurveyState.ACTIVE));

        SurveyDefinition anonymous = new SurveyDefinition("Chat NPS", survey.definition().kind(),
                survey.definition().listensTo(), survey.definition().deliveryChannel(), survey.definition().deliverer(),
                true, survey.definition().languages(), survey.definition().window(), false);
        assertInstanceOf(ChangeSurveyResult.Refused.class,
                change.change(new ChangeSurveyCommand(survey.id(), anonymous, SurveyState.ACTIVE)));
        assertInstanceOf(ChangeSurveyResult.Refused.class,
                change.change(new ChangeSurveyCommand(survey.id(), survey.definition(), SurveyState.DRAFT)));

        assertInstanceOf(ChangeSurveyResult.Changed.class,
                change.change(new ChangeSurveyCommand(survey.id(), survey.definition(), SurveyState.CLOSED)));
        assertInstanceOf(ChangeSurveyResult.Refused.class,
                change.change(new ChangeSurveyCommand(survey.id(), survey.definition(), SurveyState.ACTIVE)));
        assertInstanceOf(SaveTemplateResult.SurveyClosed.class, save(survey.id(), Language.FI, GOOD_BODY));
        assertInstanceOf(ChangeSurveyResult.NotFound.class,
                change.change(new ChangeSurveyCommand(new SurveyId("nope"), survey.definition(), SurveyState.ACTIVE)));
    }

    @Test
    void aRefusedTemplateIsNotStoredAndSaysWhy() {
        Survey survey = created(Surveys.emailOnChat(1));

        SaveTemplateResult result = save(survey.id(), Language.FI,
                "Kirjaudu verkkopankkiin: https://op-fi.example.com/login ja vastaa {{surveyLink}}");

        SaveTemplateResult.Refused refused = assertInstanceOf(SaveTemplateResult.Refused.class, result);
        assertTrue(refused.violations().stream().anyMatch(v -> v.code() == TemplateViolationCode.FOREIGN_LINK),
                refused::toString);
        assertTrue(surveys.findBySurvey(survey.id()).isEmpty());
        assertInstanceOf(SaveTemplateResult.NoSuchSurvey.class, save(new SurveyId("nope"), Language.FI, GOOD_BODY));
    }
}
