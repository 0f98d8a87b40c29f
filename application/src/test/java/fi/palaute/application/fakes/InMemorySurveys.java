package fi.palaute.application.fakes;

import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.TemplateSlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Surveys and their templates in memory. */
public final class InMemorySurveys implements SurveyRepository, TemplateRepository {

    private final FakeTransactions transactions;
    private final Map<SurveyId, Survey> surveys = new LinkedHashMap<>();
    private final Map<SurveyId, Map<TemplateSlot, InvitationTemplate>> templates = new LinkedHashMap<>();

    public InMemorySurveys(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Survey survey) {
        transactions.requireOpen();
        if (surveys.putIfAbsent(survey.id(), survey) != null) {
            throw new IllegalStateException("duplicate survey id");
        }
    }

    @Override
    public Optional<Survey> find(SurveyId id) {
        return Optional.ofNullable(surveys.get(id));
    }

    @Override
    public List<Survey> findAll() {
        return List.copyOf(surveys.values());
    }

    @Override
    public boolean update(Survey survey) {
        transactions.requireOpen();
        return surveys.replace(survey.id(), survey) != null;
    }

    @Override
    public List<Survey> findActiveTransactional() {
        return surveys.values().stream()
                .filter(s -> s.isActive() && s.definition().kind() == SurveyKind.TRANSACTIONAL)
                .toList();
    }

    @Override
    public void save(InvitationTemplate template) {
        transactions.requireOpen();
        templates.computeIfAbsent(template.surveyId(), id -> new LinkedHashMap<>()).put(template.slot(), template);
    }

    @Override
    public Optional<InvitationTemplate> find(SurveyId surveyId, TemplateSlot slot) {
        return Optional.ofNullable(templates.getOrDefault(surveyId, Map.of()).get(slot));
    }

    @Override
    public List<InvitationTemplate> findBySurvey(SurveyId surveyId) {
        return new ArrayList<>(templates.getOrDefault(surveyId, Map.of()).values());
    }
}
