package fi.palaute.adapters.http.testing;

import fi.palaute.adapters.http.HttpUseCases;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetCommand;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.application.port.in.invitation.RecordServiceEventsCommand;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult;
import fi.palaute.application.port.in.invitation.RecordServiceEventsUseCase;
import fi.palaute.application.port.in.invitation.ShowFunnelUseCase;
import fi.palaute.application.port.in.invitation.StartStudyCommand;
import fi.palaute.application.port.in.invitation.StartStudyResult;
import fi.palaute.application.port.in.invitation.StartStudyUseCase;
import fi.palaute.application.port.in.partner.CreatePartnerCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyResult;
import fi.palaute.application.port.in.partner.CreatePartnerKeyUseCase;
import fi.palaute.application.port.in.partner.CreatePartnerResult;
import fi.palaute.application.port.in.partner.CreatePartnerUseCase;
import fi.palaute.application.port.in.partner.ListPartnerKeysUseCase;
import fi.palaute.application.port.in.partner.ListPartnersUseCase;
import fi.palaute.application.port.in.partner.RevokePartnerKeyCommand;
import fi.palaute.application.port.in.partner.RevokePartnerKeyUseCase;
import fi.palaute.application.port.in.partner.ShowPartnerUseCase;
import fi.palaute.application.port.in.survey.ChangeSurveyCommand;
import fi.palaute.application.port.in.survey.ChangeSurveyResult;
import fi.palaute.application.port.in.survey.ChangeSurveyUseCase;
import fi.palaute.application.port.in.survey.CreateSurveyCommand;
import fi.palaute.application.port.in.survey.CreateSurveyResult;
import fi.palaute.application.port.in.survey.CreateSurveyUseCase;
import fi.palaute.application.port.in.survey.ListSurveysUseCase;
import fi.palaute.application.port.in.survey.SaveTemplateCommand;
import fi.palaute.application.port.in.survey.SaveTemplateResult;
import fi.palaute.application.port.in.survey.SaveTemplateUseCase;
import fi.palaute.application.port.in.survey.ShowSurveyUseCase;
import fi.palaute.application.port.in.survey.ShowTemplateUseCase;
import fi.palaute.application.port.in.consent.LiftProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.application.port.in.health.CheckHealthUseCase.HealthReport;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionChange;
import fi.palaute.domain.consent.ProhibitionHistory;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.invitation.ServiceEvent;
import fi.palaute.domain.invitation.SurveyDecision;
import fi.palaute.domain.partner.Partner;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateCheck;
import fi.palaute.domain.survey.TemplateCheckResult;
import fi.palaute.domain.survey.TemplateSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Hand-written in-memory stand-ins for the use cases, so HTTP tests exercise the adapter alone. Each role has a
 * key {@code "key-" + role} ({@code key-customer_service}); {@link #writes()} counts calls that change state and
 * {@link #calls(String)} counts the calls of one use case, by its name in {@link HttpUseCases}.
 * <p>
 * The partner, survey and invitation use cases are public fields with a small in-memory behaviour: a test that
 * needs one particular result replaces the field with a lambda, even while the server runs.
 */
public final class FakeUseCases {

    public static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

    private final Map<CustomerId, Prohibition> prohibitions = new ConcurrentHashMap<>();
    private final List<ProhibitionChange> changes = new ArrayList<>();
    private final Map<String, ApiKey> keysBySecret = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    public final AtomicBoolean databaseUp = new AtomicBoolean(true);
    /** When set, every prohibition use case throws this, as a broken database would. */
    public volatile Supplier<RuntimeException> failure;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<PartnerId, Partner> partners = new ConcurrentSkipListMap<>(Comparator.comparing(PartnerId::value));
    private final Map<SurveyId, Survey> surveys = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<List<Object>, InvitationTemplate> templates = new ConcurrentHashMap<>();
    private final Set<String> seenEvents = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    /** Every batch of service events that reached the use case, in order. */
    public final List<RecordServiceEventsCommand> recordedEvents = new CopyOnWriteArrayList<>();
    /** Every study list that reached the use case, in order. */
    public final List<StartStudyCommand> startedStudies = new CopyOnWriteArrayList<>();
    /** What the funnel use case answers for a survey that exists. */
    public volatile List<FunnelCount> funnel = List.of();

    public volatile CreatePartnerUseCase createPartner = this::createPartnerInMemory;
    public volatile ListPartnersUseCase listPartners = () -> List.copyOf(partners.values());
    public volatile ShowPartnerUseCase showPartner = id -> Optional.ofNullable(partners.get(id));
    public volatile CreatePartnerKeyUseCase createPartnerKey = this::createPartnerKeyInMemory;
    public volatile ListPartnerKeysUseCase listPartnerKeys = this::listPartnerKeysInMemory;
    public volatile RevokePartnerKeyUseCase revokePartnerKey = this::revokePartnerKeyInMemory;
    public volatile CreateSurveyUseCase createSurvey = this::createSurveyInMemory;
    public volatile ListSurveysUseCase listSurveys = () -> List.copyOf(surveys.values());
    public volatile ShowSurveyUseCase showSurvey = id -> Optional.ofNullable(surveys.get(id));
    public volatile ChangeSurveyUseCase changeSurvey = this::changeSurveyInMemory;
    /** Checks with the real {@link TemplateCheck}, as the service does. */
    public volatile SaveTemplateUseCase saveTemplate = this::saveTemplateInMemory;
    public volatile ShowTemplateUseCase showTemplate = (surveyId, slot) ->
            Optional.ofNullable(templates.get(List.of(surveyId, slot)));
    public volatile RecordServiceEventsUseCase recordServiceEvents = this::recordServiceEventsInMemory;
    public volatile StartStudyUseCase startStudy = this::startStudyInMemory;
    public volatile ShowFunnelUseCase showFunnel = query ->
            surveys.containsKey(query.surveyId()) ? Optional.of(funnel) : Optional.empty();

    public FakeUseCases() {
        int n = 0;
        for (Role role : Role.values()) {
            String keyId = String.format("00000000-0000-7000-8000-%012d", n++);
            keysBySecret.put(keyFor(role), new ApiKey(keyId, ApiKeySecret.presented(keyFor(role)).hash(), role,
                    role == Role.PARTNER ? Optional.of(new PartnerId("p1")) : Optional.empty(),
                    "test " + role, RequestBudget.DEFAULT, NOW));
        }
    }

    public static String keyFor(Role role) {
        return "key-" + role.name().toLowerCase(Locale.ROOT);
    }

    public int writes() {
        return writes.get();
    }

    /** How many times the use case of this name (as in {@link HttpUseCases}) was called. */
    public int calls(String useCase) {
        AtomicInteger count = calls.get(useCase);
        return count == null ? 0 : count.get();
    }

    /** A partner that exists before the test starts; not counted as a write. */
    public Partner addPartner(String partnerId) {
        Partner partner = new Partner(new PartnerId(partnerId), "Partner " + partnerId, NOW);
        partners.put(partner.id(), partner);
        return partner;
    }

    /** A survey that exists before the test starts; not counted as a write. */
    public Survey addSurvey(SurveyDefinition definition, SurveyState state) {
        Survey survey = new Survey(nextSurveyId(), definition, state, NOW, NOW);
        surveys.put(survey.id(), survey);
        return survey;
    }

    /** A template that exists before the test starts; not counted as a write. */
    public InvitationTemplate addTemplate(SurveyId surveyId, TemplateSlot slot, String subject, String body) {
        InvitationTemplate template = new InvitationTemplate(surveyId, slot, subject, body, NOW);
        templates.put(List.of(surveyId, slot), template);
        return template;
    }

    /** A transactional e-mail survey delivered by the bank, listening to BRANCH (all) and CHAT (a quarter). */
    public static SurveyDefinition transactionalEmail() {
        Map<Channel, SamplingRate> listensTo = new EnumMap<>(Channel.class);
        listensTo.put(Channel.BRANCH, SamplingRate.ALL);
        listensTo.put(Channel.CHAT, new SamplingRate(0.25));
        return new SurveyDefinition("Branch visits", SurveyKind.TRANSACTIONAL, listensTo, DeliveryChannel.EMAIL,
                new Deliverer.Bank(), false, List.of(Language.FI, Language.SV), SurveyDefinition.DEFAULT_WINDOW,
                true);
    }

    /** A study delivered by SMS by the bank, in Finnish and English. */
    public static SurveyDefinition smsStudy() {
        return new SurveyDefinition("Relationship study", SurveyKind.STUDY, Map.of(), DeliveryChannel.SMS,
                new Deliverer.Bank(), true, List.of(Language.FI, Language.EN), SurveyDefinition.DEFAULT_WINDOW,
                false);
    }

    public ApiKey keyOf(Role role) {
        return keysBySecret.get(keyFor(role));
    }

    public HttpUseCases useCases() {
        return new HttpUseCases(
                secret -> Optional.ofNullable(keysBySecret.values().stream()
                        .filter(k -> k.hash().equals(secret.hash())).findFirst().orElse(null)),
                () -> List.copyOf(keysBySecret.values()),
                this::changeBudget,
                command -> {
                    failIfBroken();
                    writes.incrementAndGet();
                    Prohibition wanted = new Prohibition(command.customerId(), command.by(), NOW);
                    Prohibition existing = prohibitions.putIfAbsent(command.customerId(), wanted);
                    if (existing != null) {
                        return new SetProhibitionResult.AlreadySet(existing);
                    }
                    changes.add(ProhibitionChange.set("c" + changes.size(), wanted));
                    return new SetProhibitionResult.NewlySet(wanted);
                },
                command -> {
                    failIfBroken();
                    writes.incrementAndGet();
                    Prohibition was = prohibitions.remove(command.customerId());
                    if (was == null) {
                        return new LiftProhibitionResult.WasNotSet();
                    }
                    changes.add(ProhibitionChange.lifted("c" + changes.size(), command.customerId(), command.by(),
                            NOW.plusSeconds(1)));
                    return new LiftProhibitionResult.Lifted(was);
                },
                customerId -> {
                    failIfBroken();
                    return Optional.ofNullable(prohibitions.get(customerId));
                },
                customerId -> {
                    failIfBroken();
                    return new ProhibitionHistory(customerId,
                            changes.stream().filter(c -> c.customerId().equals(customerId)).toList());
                },
                () -> new HealthReport(databaseUp.get()),
                command -> counted("createPartner", true, () -> createPartner.create(command)),
                () -> counted("listPartners", false, () -> listPartners.list()),
                id -> counted("showPartner", false, () -> showPartner.show(id)),
                command -> counted("createPartnerKey", true, () -> createPartnerKey.create(command)),
                id -> counted("listPartnerKeys", false, () -> listPartnerKeys.list(id)),
                command -> counted("revokePartnerKey", true, () -> revokePartnerKey.revoke(command)),
                command -> counted("createSurvey", true, () -> createSurvey.create(command)),
                () -> counted("listSurveys", false, () -> listSurveys.list()),
                id -> counted("showSurvey", false, () -> showSurvey.show(id)),
                command -> counted("changeSurvey", true, () -> changeSurvey.change(command)),
                command -> counted("saveTemplate", true, () -> saveTemplate.save(command)),
                (id, slot) -> counted("showTemplate", false, () -> showTemplate.show(id, slot)),
                command -> counted("recordServiceEvents", true, () -> recordServiceEvents.record(command)),
                command -> counted("startStudy", true, () -> startStudy.start(command)),
                query -> counted("showFunnel", false, () -> showFunnel.show(query)));
    }

    private <T> T counted(String useCase, boolean write, Supplier<T> call) {
        calls.computeIfAbsent(useCase, name -> new AtomicInteger()).incrementAndGet();
        if (write) {
            writes.incrementAndGet();
        }
        return call.get();
    }

    private CreatePartnerResult createPartnerInMemory(CreatePartnerCommand command) {
        Partner wanted = new Partner(command.partnerId(), command.name(), NOW);
        Partner existing = partners.putIfAbsent(command.partnerId(), wanted);
        return existing == null ? new CreatePartnerResult.Created(wanted)
                : new CreatePartnerResult.AlreadyExists(existing);
    }

    private CreatePartnerKeyResult createPartnerKeyInMemory(CreatePartnerKeyCommand command) {
        if (!partners.containsKey(command.partnerId())) {
            return new CreatePartnerKeyResult.NoSuchPartner();
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(String.format("00000000-0000-7000-9000-%012d", ids.incrementAndGet()),
                secret.hash(), Role.PARTNER, Optional.of(command.partnerId()), command.label(), command.budget(), NOW);
        keysBySecret.put(secret.plainText(), key);
        return new CreatePartnerKeyResult.Created(new IssuedApiKey(key, secret));
    }

    private Optional<List<ApiKey>> listPartnerKeysInMemory(PartnerId partnerId) {
        if (!partners.containsKey(partnerId)) {
            return Optional.empty();
        }
        return Optional.of(keysBySecret.values().stream()
                .filter(key -> key.partnerId().equals(Optional.of(partnerId)))
                .sorted(Comparator.comparing(ApiKey::keyId))
                .toList());
    }

    private boolean revokePartnerKeyInMemory(RevokePartnerKeyCommand command) {
        return keysBySecret.values().removeIf(key -> key.keyId().equals(command.keyId())
                && key.partnerId().equals(Optional.of(command.partnerId())));
    }

    private SurveyId nextSurveyId() {
        return new SurveyId(String.format("01936f0e-0000-7000-8000-%012d", ids.incrementAndGet()));
    }

    private boolean unknownPartner(SurveyDefinition definition) {
        return definition.deliverer() instanceof Deliverer.Partner partner
                && !partners.containsKey(partner.partnerId());
    }

    private CreateSurveyResult createSurveyInMemory(CreateSurveyCommand command) {
        if (unknownPartner(command.definition())) {
            return new CreateSurveyResult.UnknownPartner(
                    ((Deliverer.Partner) command.definition().deliverer()).partnerId());
        }
        Survey survey = new Survey(nextSurveyId(), command.definition(), SurveyState.DRAFT, NOW, NOW);
        surveys.put(survey.id(), survey);
        return new CreateSurveyResult.Created(survey);
    }

    private ChangeSurveyResult changeSurveyInMemory(ChangeSurveyCommand command) {
        Survey survey = surveys.get(command.surveyId());
        if (survey == null) {
            return new ChangeSurveyResult.NotFound();
        }
        if (unknownPartner(command.definition())) {
            return new ChangeSurveyResult.UnknownPartner(
                    ((Deliverer.Partner) command.definition().deliverer()).partnerId());
        }
        Optional<String> refusal = survey.refusalOf(command.definition(), command.state());
        if (refusal.isPresent()) {
            return new ChangeSurveyResult.Refused(refusal.get());
        }
        if (command.state() == SurveyState.ACTIVE) {
            List<TemplateSlot> missing = command.definition().requiredTemplates().stream()
                    .filter(slot -> !templates.containsKey(List.of(survey.id(), slot)))
                    .toList();
            if (!missing.isEmpty()) {
                return new ChangeSurveyResult.MissingTemplates(missing);
            }
        }
        Survey changed = survey.changedTo(command.definition(), command.state(), NOW.plusSeconds(60));
        surveys.put(changed.id(), changed);
        return new ChangeSurveyResult.Changed(changed);
    }

    private SaveTemplateResult saveTemplateInMemory(SaveTemplateCommand command) {
        Survey survey = surveys.get(command.surveyId());
        if (survey == null) {
            return new SaveTemplateResult.NoSuchSurvey();
        }
        if (survey.state() == SurveyState.CLOSED) {
            return new SaveTemplateResult.SurveyClosed();
        }
        TemplateCheckResult check = TemplateCheck.check(command.slot().channel(), command.subject(), command.body());
        if (!check.isValid()) {
            return new SaveTemplateResult.Refused(check.violations());
        }
        InvitationTemplate template = new InvitationTemplate(command.surveyId(), command.slot(), command.subject(),
                command.body(), NOW);
        templates.put(List.of(command.surveyId(), command.slot()), template);
        return new SaveTemplateResult.Saved(template);
    }

    /** Every active transactional survey listening to the channel decides; no sampling, rest or prohibition. */
    private RecordServiceEventsResult recordServiceEventsInMemory(RecordServiceEventsCommand command) {
        recordedEvents.add(command);
        List<Survey> listening;
        synchronized (surveys) {
            listening = List.copyOf(surveys.values());
        }
        List<RecordServiceEventsResult.EventOutcome> outcomes = new ArrayList<>();
        for (ServiceEvent event : command.events()) {
            boolean redelivery = !seenEvents.add(command.source() + "|" + event.eventId());
            List<SurveyDecision> decisions = listening.stream()
                    .filter(survey -> survey.isActive() && survey.definition().kind() == SurveyKind.TRANSACTIONAL
                            && survey.definition().samplingRateFor(event.channel()).isPresent())
                    .map(survey -> new SurveyDecision(survey.id(),
                            event.contactPoints().usableFor(survey.definition().deliveryChannel()).isPresent()
                                    ? DecisionReason.INVITED : DecisionReason.NO_CONTACT_POINT))
                    .toList();
            outcomes.add(new RecordServiceEventsResult.EventOutcome(event.eventId(), redelivery, decisions));
        }
        return new RecordServiceEventsResult.Recorded(outcomes);
    }

    private StartStudyResult startStudyInMemory(StartStudyCommand command) {
        startedStudies.add(command);
        Survey survey = surveys.get(command.surveyId());
        if (survey == null) {
            return new StartStudyResult.NoSuchSurvey();
        }
        if (survey.definition().kind() != SurveyKind.STUDY || !survey.isActive()) {
            return new StartStudyResult.NotStartable("the survey is not an active study");
        }
        return new StartStudyResult.Started(command.invitees().stream()
                .map(invitee -> new StartStudyResult.InviteeOutcome(invitee.customerId(),
                        invitee.contactPoints().usableFor(survey.definition().deliveryChannel()).isPresent()
                                ? DecisionReason.INVITED : DecisionReason.NO_CONTACT_POINT))
                .toList());
    }

    private Optional<ApiKey> changeBudget(ChangeApiKeyBudgetCommand command) {
        writes.incrementAndGet();
        for (Map.Entry<String, ApiKey> entry : keysBySecret.entrySet()) {
            ApiKey key = entry.getValue();
            if (key.keyId().equals(command.keyId())) {
                ApiKey changed = new ApiKey(key.keyId(), key.hash(), key.role(), key.partnerId(), key.label(),
                        command.budget(), key.createdAt());
                entry.setValue(changed);
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    private void failIfBroken() {
        Supplier<RuntimeException> f = failure;
        if (f != null) {
            throw f.get();
        }
    }
}
