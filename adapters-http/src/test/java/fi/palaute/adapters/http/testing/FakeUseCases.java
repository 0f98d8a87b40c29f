package fi.palaute.adapters.http.testing;

import fi.palaute.adapters.http.HttpUseCases;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetCommand;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.application.port.in.answer.OpenSurveyUseCase;
import fi.palaute.application.port.in.answer.OptOutBySurveyLinkUseCase;
import fi.palaute.application.port.in.answer.RecordOnsiteAcceptanceUseCase;
import fi.palaute.application.port.in.answer.RecordPhoneAnswerUseCase;
import fi.palaute.application.port.in.answer.SubmitAnswerCommand;
import fi.palaute.application.port.in.answer.SubmitAnswerUseCase;
import fi.palaute.application.port.in.consent.LiftProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.application.port.in.delivery.ClaimInvitationsCommand;
import fi.palaute.application.port.in.delivery.ClaimInvitationsUseCase;
import fi.palaute.application.port.in.delivery.ListReadyInvitationsQuery;
import fi.palaute.application.port.in.delivery.ListReadyInvitationsUseCase;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.QueryAuditLogQuery;
import fi.palaute.application.port.in.delivery.QueryAuditLogUseCase;
import fi.palaute.application.port.in.delivery.ReadPartnerChangesUseCase;
import fi.palaute.application.port.in.delivery.ReadyInvitationsPage;
import fi.palaute.application.port.in.delivery.ReissueInvitationUseCase;
import fi.palaute.application.port.in.delivery.ReportDeliveryUseCase;
import fi.palaute.application.port.in.delivery.ShowPartnerInvitationUseCase;
import fi.palaute.application.port.in.erasure.EraseCustomerSurveyDataUseCase;
import fi.palaute.application.port.in.followup.CloseFollowUpUseCase;
import fi.palaute.application.port.in.followup.ListFollowUpsQuery;
import fi.palaute.application.port.in.followup.ListFollowUpsUseCase;
import fi.palaute.application.port.in.followup.ShowFollowUpUseCase;
import fi.palaute.application.port.in.followup.TakeFollowUpUseCase;
import fi.palaute.application.port.in.health.CheckHealthUseCase.HealthReport;
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
import fi.palaute.application.port.in.report.CloseDashboardSessionUseCase;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.OpenDashboardSessionUseCase;
import fi.palaute.application.port.in.report.ResumeDashboardSessionUseCase;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase;
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
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.SessionSecret;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionChange;
import fi.palaute.domain.consent.ProhibitionHistory;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.invitation.ServiceEvent;
import fi.palaute.domain.invitation.SurveyDecision;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.HandedOverInvitation;
import fi.palaute.domain.partner.Partner;
import fi.palaute.domain.partner.PartnerInvitation;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.ReportCell;
import fi.palaute.domain.response.NpsCounts;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.OnsiteAcceptance;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hand-written in-memory stand-ins for the use cases, so HTTP tests exercise the adapter alone. Each role has a
 * key {@code "key-" + role} ({@code key-customer_service}); {@link #writes()} counts calls that change state and
 * {@link #calls(String)} counts the calls of one use case, by its name in {@link HttpUseCases}.
 * <p>
 * The partner, survey and invitation use cases are public fields with a small in-memory behaviour: a test that
 * needs one particular result replaces the field with a lambda, even while the server runs.
 * <p>
 * The partner API's fakes keep R-PARTNER as the service must: an invitation is seen only by the partner it belongs
 * to ({@link #addInvitation}); another partner's, a bank-delivered one, an unknown id and a malformed one are all
 * "not found" alike. The PARTNER key {@code key-partner} is bound to partner {@value #PARTNER}; {@link
 * #addPartnerKey} makes keys for others.
 * <p>
 * The survey page's fakes know the links added with {@link #addSurveyLink}; any other token, whatever it is, cannot be
 * answered, and answering or opting out uses a link up. Every token that reaches them is kept in {@link #tokenAsks}
 * exactly as it came. Follow-ups exist once added with {@link #addFollowUp}.
 */
public final class FakeUseCases {

    public static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    /** The partner the key {@code key-partner} is bound to. */
    public static final String PARTNER = "p1";
    /** How far ahead of {@link #NOW} a delivery report may be before it is "in the future". */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** Invitations by id, each with the partner it belongs to (none: the bank delivers it). */
    private final Map<String, PartnerInvitation> invitations = new ConcurrentSkipListMap<>();
    private final Map<String, Optional<PartnerId>> invitationOwners = new ConcurrentHashMap<>();
    /** Every change of every partner, in feed order; the feed fake serves each partner its own. */
    public final List<FeedEntry> feed = new CopyOnWriteArrayList<>();
    /** The audit log the audit fake reads. */
    public final List<AuditEntry> auditLog = new CopyOnWriteArrayList<>();
    /** Every link handed out by claim or reissue, in order. */
    public final List<String> issuedLinks = new CopyOnWriteArrayList<>();
    public final List<ListReadyInvitationsQuery> readyQueries = new CopyOnWriteArrayList<>();
    public final List<ClaimInvitationsCommand> claims = new CopyOnWriteArrayList<>();
    /** Show, reissue and delivery calls: verb, caller and the invitation id exactly as the use case got it. */
    public final List<InvitationAsk> invitationAsks = new CopyOnWriteArrayList<>();
    public final List<DeliveryReport> deliveryReports = new CopyOnWriteArrayList<>();
    public final List<ChangesRead> changeReads = new CopyOnWriteArrayList<>();
    public final List<QueryAuditLogQuery> auditQueries = new CopyOnWriteArrayList<>();

    public record InvitationAsk(String verb, PartnerCaller caller, String invitationId) {
    }

    public record ChangesRead(PartnerCaller caller, FeedCursor after, int limit) {
    }

    public volatile ListReadyInvitationsUseCase listReadyInvitations = this::listReadyInMemory;
    public volatile ClaimInvitationsUseCase claimInvitations = this::claimInMemory;
    public volatile ShowPartnerInvitationUseCase showPartnerInvitation = (caller, invitationId) -> {
        invitationAsks.add(new InvitationAsk("show", caller, invitationId));
        return ownInvitation(caller, invitationId);
    };
    public volatile ReissueInvitationUseCase reissueInvitation = this::reissueInMemory;
    public volatile ReportDeliveryUseCase reportDelivery = this::reportDeliveryInMemory;
    public volatile ReadPartnerChangesUseCase readPartnerChanges = this::readChangesInMemory;
    public volatile QueryAuditLogUseCase queryAuditLog = this::queryAuditLogInMemory;
    public volatile EraseCustomerSurveyDataUseCase eraseCustomerSurveyData =
            command -> new EraseCustomerSurveyDataUseCase.Outcome(2);

    /** A survey link that can still be answered: the invitation's language, the survey's, and its anonymity. */
    public record SurveyLink(Language language, List<Language> languages, boolean anonymous) {
    }

    /** A token that reached a survey-page use case, exactly as the use case got it. */
    public record TokenAsk(String verb, String token) {
        @Override
        public String toString() {
            return verb + " [" + (token.length() > 40 ? token.substring(0, 20) + "…" : token) + "]";
        }
    }

    /** The links that can be answered now; answering or opting out uses one up, as the service does. */
    private final Map<String, SurveyLink> surveyLinks = new ConcurrentHashMap<>();
    /** Every open, submit and opt-out call, in order, with the token as the use case got it. */
    public final List<TokenAsk> tokenAsks = new CopyOnWriteArrayList<>();
    public final List<SubmitAnswerCommand> submittedAnswers = new CopyOnWriteArrayList<>();
    public final List<NpsAnswer> phoneAnswers = new CopyOnWriteArrayList<>();
    public final List<OnsiteAcceptance> onsiteAcceptances = new CopyOnWriteArrayList<>();
    private final Map<String, FollowUpView> followUps = new ConcurrentSkipListMap<>();
    public final List<ListFollowUpsQuery> followUpQueries = new CopyOnWriteArrayList<>();

    public volatile OpenSurveyUseCase openSurvey = this::openSurveyInMemory;
    public volatile SubmitAnswerUseCase submitAnswer = this::submitAnswerInMemory;
    public volatile OptOutBySurveyLinkUseCase optOutBySurveyLink = this::optOutInMemory;
    /** Keeps the rules a partner meets: its own invitation, of a PHONE survey, handed over. */
    public volatile RecordPhoneAnswerUseCase recordPhoneAnswer = this::recordPhoneAnswerInMemory;
    /** As {@link #recordPhoneAnswer} for ONSITE, and a meeting must not be before {@link #NOW}. */
    public volatile RecordOnsiteAcceptanceUseCase recordOnsiteAcceptance = this::recordOnsiteAcceptanceInMemory;
    public volatile ListFollowUpsUseCase listFollowUps = this::listFollowUpsInMemory;
    public volatile ShowFollowUpUseCase showFollowUp = id -> Optional.ofNullable(followUps.get(id));
    public volatile TakeFollowUpUseCase takeFollowUp = this::takeFollowUpInMemory;
    public volatile CloseFollowUpUseCase closeFollowUp = this::closeFollowUpInMemory;

    /** How long a dashboard session opened by the fake lasts, from {@link #NOW}. */
    public static final Duration SESSION_LENGTH = Duration.ofHours(8);
    /** The controller name an event source might send to attack a spreadsheet; in {@link #sampleCells}. */
    public static final String FORMULA_CONTROLLER = "=HYPERLINK(\"http://evil.example\",\"x\")";
    /** Every report query that reached the use case, in order. */
    public final List<NpsReportQuery> reportQueries = new CopyOnWriteArrayList<>();
    /** The cells the report fake answers for a query; {@link #sampleCells} unless a test sets others. */
    public volatile Function<NpsReportQuery, List<ReportCell>> reportCells = FakeUseCases::sampleCells;
    public volatile int reportK = 10;
    /** Live dashboard sessions: the secret's text and its key. */
    private final Map<String, ApiKey> sessions = new ConcurrentHashMap<>();
    /** Every secret a session was closed with, as the use case got it. */
    public final List<String> closedSessions = new CopyOnWriteArrayList<>();
    public volatile ShowNpsReportUseCase showNpsReport = query -> {
        reportQueries.add(query);
        return new ShowNpsReportUseCase.NpsReport(query, reportK, reportCells.apply(query));
    };
    /** As the service: a live ANALYST key opens a session; any other key is refused alike. */
    public volatile OpenDashboardSessionUseCase openDashboardSession = this::openSessionInMemory;
    public volatile ResumeDashboardSessionUseCase resumeDashboardSession =
            secret -> Optional.ofNullable(sessions.get(secret.text()));
    public volatile CloseDashboardSessionUseCase closeDashboardSession = secret -> {
        closedSessions.add(secret.text());
        sessions.remove(secret.text());
    };

    public FakeUseCases() {
        int n = 0;
        for (Role role : Role.values()) {
            String keyId = String.format("00000000-0000-7000-8000-%012d", n++);
            keysBySecret.put(keyFor(role), new ApiKey(keyId, ApiKeySecret.presented(keyFor(role)).hash(), role,
                    role == Role.PARTNER ? Optional.of(new PartnerId(PARTNER)) : Optional.empty(),
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

    /**
     * Another PARTNER key, bound to {@code partnerId}, as an admin would make it; its text is
     * {@code "key-partner-" + partnerId}.
     */
    public String addPartnerKey(String partnerId) {
        String secret = "key-partner-" + partnerId;
        keysBySecret.put(secret, new ApiKey(String.format("00000000-0000-7000-a000-%012d", ids.incrementAndGet()),
                ApiKeySecret.presented(secret).hash(), Role.PARTNER, Optional.of(new PartnerId(partnerId)),
                "test partner " + partnerId, RequestBudget.DEFAULT, NOW));
        return secret;
    }

    /**
     * An invitation that exists before the test starts, delivered by {@code partnerId}, or by the bank when that
     * is null; not counted as a write.
     */
    public PartnerInvitation addInvitation(String partnerId, PartnerInvitation invitation) {
        invitations.put(invitation.invitationId(), invitation);
        invitationOwners.put(invitation.invitationId(),
                partnerId == null ? Optional.empty() : Optional.of(new PartnerId(partnerId)));
        return invitation;
    }

    public PartnerInvitation addInvitation(String partnerId, String invitationId, InvitationState state) {
        return addInvitation(partnerId, invitation(invitationId, state, DeliveryChannel.EMAIL));
    }

    /** The invitation as it is now, whoever it belongs to. */
    public Optional<PartnerInvitation> invitation(String invitationId) {
        return Optional.ofNullable(invitations.get(invitationId));
    }

    /**
     * An invitation in Finnish that expires 14 days from {@link #NOW}, with the contact point its channel uses
     * until it ends (then erased), and no delivery reported.
     */
    public static PartnerInvitation invitation(String invitationId, InvitationState state, DeliveryChannel channel) {
        ContactPoint contactPoint = channel == DeliveryChannel.EMAIL || channel == DeliveryChannel.ONSITE
                ? new EmailAddress("maija.meikalainen@example.fi") : new MobileNumber("+358407654321");
        return new PartnerInvitation(invitationId, state, channel,
                state.isOpen() ? Optional.of(contactPoint) : Optional.empty(), Language.FI,
                NOW.plus(Duration.ofDays(14)), Optional.empty());
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
                query -> counted("showFunnel", false, () -> showFunnel.show(query)),
                query -> counted("listReadyInvitations", false, () -> listReadyInvitations.list(query)),
                command -> counted("claimInvitations", true, () -> claimInvitations.claim(command)),
                (caller, id) -> counted("showPartnerInvitation", false, () -> showPartnerInvitation.show(caller, id)),
                (caller, id) -> counted("reissueInvitation", true, () -> reissueInvitation.reissue(caller, id)),
                (caller, id, report) -> counted("reportDelivery", true,
                        () -> reportDelivery.report(caller, id, report)),
                (caller, after, limit) -> counted("readPartnerChanges", false,
                        () -> readPartnerChanges.read(caller, after, limit)),
                query -> counted("queryAuditLog", false, () -> queryAuditLog.query(query)),
                command -> counted("eraseCustomerSurveyData", true, () -> eraseCustomerSurveyData.erase(command)),
                token -> counted("openSurvey", false, () -> openSurvey.open(token)),
                command -> counted("submitAnswer", true, () -> submitAnswer.submit(command)),
                token -> counted("optOutBySurveyLink", true, () -> optOutBySurveyLink.optOut(token)),
                (caller, id, answer) -> counted("recordPhoneAnswer", true,
                        () -> recordPhoneAnswer.record(caller, id, answer)),
                (caller, id, acceptance) -> counted("recordOnsiteAcceptance", true,
                        () -> recordOnsiteAcceptance.record(caller, id, acceptance)),
                query -> counted("listFollowUps", false, () -> listFollowUps.list(query)),
                id -> counted("showFollowUp", false, () -> showFollowUp.show(id)),
                (id, agent) -> counted("takeFollowUp", true, () -> takeFollowUp.take(id, agent)),
                (id, outcome) -> counted("closeFollowUp", true, () -> closeFollowUp.close(id, outcome)),
                query -> counted("showNpsReport", false, () -> showNpsReport.show(query)),
                presented -> counted("openDashboardSession", true, () -> openDashboardSession.open(presented)),
                secret -> counted("resumeDashboardSession", false, () -> resumeDashboardSession.resume(secret)),
                secret -> counted("closeDashboardSession", true, () -> {
                    closeDashboardSession.close(secret);
                    return null;
                }));
    }

    /** A live dashboard session for the key of {@code role}, as if it had signed in; its secret's text. */
    public String sessionFor(Role role) {
        SessionSecret secret = SessionSecret.generate();
        sessions.put(secret.text(), keyOf(role));
        return secret.text();
    }

    public boolean sessionIsLive(String secret) {
        return sessions.containsKey(secret);
    }

    private OpenDashboardSessionUseCase.Result openSessionInMemory(ApiKeySecret presented) {
        Optional<ApiKey> key = keysBySecret.values().stream().filter(k -> k.hash().equals(presented.hash())).findFirst();
        if (key.isEmpty() || key.get().role() != Role.ANALYST) {
            return new OpenDashboardSessionUseCase.Refused();
        }
        SessionSecret secret = SessionSecret.generate();
        sessions.put(secret.text(), key.get());
        return new OpenDashboardSessionUseCase.Opened(secret, NOW.plus(SESSION_LENGTH));
    }

    /**
     * Cells as the service gives them, per period its total and then its breakdown: channels BRANCH, CHAT and
     * ONLINE_BANK, languages fi and sv, one survey, and controllers "OP Retail" and {@link #FORMULA_CONTROLLER}.
     * Totals are always published; a breakdown cell is suppressed where (period + series) % 4 == 3. Counts are
     * fixed numbers of the period's and the series' position.
     */
    public static List<ReportCell> sampleCells(NpsReportQuery query) {
        List<ReportCell> cells = new ArrayList<>();
        List<Period> periods = query.periods();
        List<Map<Dimension, String>> combinations = new ArrayList<>();
        combinations.add(Map.of());
        for (Dimension dimension : query.by()) {
            List<Map<Dimension, String>> longer = new ArrayList<>();
            for (Map<Dimension, String> combination : combinations) {
                for (String value : sampleValues(dimension)) {
                    Map<Dimension, String> more = new EnumMap<>(Dimension.class);
                    more.putAll(combination);
                    more.put(dimension, value);
                    longer.add(more);
                }
            }
            combinations = longer;
        }
        for (int p = 0; p < periods.size(); p++) {
            cells.add(new ReportCell(periods.get(p), Map.of(),
                    Optional.of(new NpsCounts(120 + 3 * p, 50 + p, 30 + 2 * p))));
            if (query.by().isEmpty()) {
                continue;
            }
            for (int c = 0; c < combinations.size(); c++) {
                boolean suppressed = (p + c) % 4 == 3;
                NpsCounts counts = new NpsCounts(12 + 2 * c + p, 6 + c, 4 + (c + p) % 5);
                cells.add(new ReportCell(periods.get(p), combinations.get(c),
                        suppressed ? Optional.empty() : Optional.of(counts)));
            }
        }
        return cells;
    }

    private static List<String> sampleValues(Dimension dimension) {
        return switch (dimension) {
            case CHANNEL -> List.of("BRANCH", "CHAT", "ONLINE_BANK");
            case LANGUAGE -> List.of("fi", "sv");
            case SURVEY -> List.of("01936f0e-0000-7000-8000-000000000001");
            case CONTROLLER -> List.of("OP Retail", FORMULA_CONTROLLER);
        };
    }

    /** A survey link that can be answered before the test starts; not counted as a write. */
    public void addSurveyLink(String token, SurveyLink link) {
        surveyLinks.put(token, link);
    }

    /** A follow-up that exists before the test starts; not counted as a write. */
    public FollowUpView addFollowUp(FollowUpView followUp) {
        followUps.put(followUp.followUp().id(), followUp);
        return followUp;
    }

    /** The follow-up as it is now. */
    public Optional<FollowUpView> followUp(String id) {
        return Optional.ofNullable(followUps.get(id));
    }

    /**
     * An open follow-up of a BRANCH transactional survey's answer (score 3, in Finnish, with a scrubbed comment),
     * or of a study's when {@code channel} is null.
     */
    public static FollowUpView openFollowUp(String id, Channel channel) {
        FollowUp followUp = FollowUp.open(id, "answer-" + id, new SurveyId("01936f0e-0000-7000-8000-000000000001"),
                Optional.ofNullable(channel), NOW);
        return new FollowUpView(followUp, Optional.of(new CustomerId("C-1001")), new NpsScore(3),
                Optional.of("Jonotin pitkään. Soita [puhelinnumero poistettu]"), Language.FI);
    }

    private OpenSurveyUseCase.Result openSurveyInMemory(String token) {
        tokenAsks.add(new TokenAsk("open", token));
        SurveyLink link = surveyLinks.get(token);
        return link == null ? new OpenSurveyUseCase.NotAnswerable()
                : new OpenSurveyUseCase.Answerable(link.language(), link.languages(), link.anonymous());
    }

    private SubmitAnswerUseCase.Result submitAnswerInMemory(SubmitAnswerCommand command) {
        tokenAsks.add(new TokenAsk("submit", command.token()));
        SurveyLink link = surveyLinks.remove(command.token());
        if (link == null) {
            return new SubmitAnswerUseCase.NotAnswerable();
        }
        submittedAnswers.add(command);
        return new SubmitAnswerUseCase.Answered(command.language(), link.anonymous());
    }

    private OptOutBySurveyLinkUseCase.Result optOutInMemory(String token) {
        tokenAsks.add(new TokenAsk("opt-out", token));
        SurveyLink link = surveyLinks.remove(token);
        return link == null ? new OptOutBySurveyLinkUseCase.NotAnswerable()
                : new OptOutBySurveyLinkUseCase.Prohibited(link.language());
    }

    private RecordPhoneAnswerUseCase.Result recordPhoneAnswerInMemory(
            PartnerCaller caller, String invitationId, NpsAnswer answer) {
        invitationAsks.add(new InvitationAsk("response", caller, invitationId));
        Optional<PartnerInvitation> own = ownInvitation(caller, invitationId);
        if (own.isEmpty()) {
            return new RecordPhoneAnswerUseCase.NotFound();
        }
        if (own.get().deliveryChannel() != DeliveryChannel.PHONE) {
            return new RecordPhoneAnswerUseCase.WrongDeliveryChannel();
        }
        if (own.get().state() != InvitationState.HANDED_OVER) {
            return new RecordPhoneAnswerUseCase.NotAnswerable(own.get().state());
        }
        phoneAnswers.add(answer);
        invitations.put(invitationId, withState(own.get(), InvitationState.ANSWERED));
        return new RecordPhoneAnswerUseCase.Recorded();
    }

    private RecordOnsiteAcceptanceUseCase.Result recordOnsiteAcceptanceInMemory(
            PartnerCaller caller, String invitationId, OnsiteAcceptance acceptance) {
        invitationAsks.add(new InvitationAsk("onsite_acceptance", caller, invitationId));
        Optional<PartnerInvitation> own = ownInvitation(caller, invitationId);
        if (own.isEmpty()) {
            return new RecordOnsiteAcceptanceUseCase.NotFound();
        }
        if (own.get().deliveryChannel() != DeliveryChannel.ONSITE) {
            return new RecordOnsiteAcceptanceUseCase.WrongDeliveryChannel();
        }
        if (own.get().state() != InvitationState.HANDED_OVER) {
            return new RecordOnsiteAcceptanceUseCase.NotAnswerable(own.get().state());
        }
        if (acceptance instanceof OnsiteAcceptance.Accepted accepted && accepted.meetingAt().isBefore(NOW)) {
            return new RecordOnsiteAcceptanceUseCase.MeetingInPast();
        }
        onsiteAcceptances.add(acceptance);
        invitations.put(invitationId, withState(own.get(), InvitationState.ANSWERED));
        return new RecordOnsiteAcceptanceUseCase.Recorded();
    }

    private ListFollowUpsUseCase.Page listFollowUpsInMemory(ListFollowUpsQuery query) {
        followUpQueries.add(query);
        List<FollowUpView> matching = followUps.values().stream()
                .filter(f -> query.channel().isEmpty() || f.followUp().channel().equals(query.channel()))
                .filter(f -> query.state().map(state -> f.followUp().state() == state).orElse(true))
                .filter(f -> query.afterId().map(after -> f.followUp().id().compareTo(after) > 0).orElse(true))
                .toList();
        List<FollowUpView> page = matching.subList(0, Math.min(query.limit(), matching.size()));
        return new ListFollowUpsUseCase.Page(page, matching.size() > page.size()
                ? Optional.of(page.get(page.size() - 1).followUp().id()) : Optional.empty());
    }

    private TakeFollowUpUseCase.Result takeFollowUpInMemory(String id, AgentId agent) {
        FollowUpView view = followUps.get(id);
        if (view == null) {
            return new TakeFollowUpUseCase.NotFound();
        }
        FollowUp f = view.followUp();
        if (f.state() != FollowUpState.OPEN) {
            return new TakeFollowUpUseCase.NotOpen(f.state());
        }
        FollowUpView taken = changed(view, new FollowUp(f.id(), f.answerId(), f.surveyId(), f.channel(),
                FollowUpState.TAKEN, Optional.of(agent), Optional.empty(), f.openedAt(), NOW.plusSeconds(60)));
        return new TakeFollowUpUseCase.Taken(taken);
    }

    private CloseFollowUpUseCase.Result closeFollowUpInMemory(String id, FollowUpOutcome outcome) {
        FollowUpView view = followUps.get(id);
        if (view == null) {
            return new CloseFollowUpUseCase.NotFound();
        }
        FollowUp f = view.followUp();
        if (!f.state().isActive()) {
            return new CloseFollowUpUseCase.AlreadyEnded(f.state());
        }
        FollowUpView closed = changed(view, new FollowUp(f.id(), f.answerId(), f.surveyId(), f.channel(),
                FollowUpState.CLOSED, f.takenBy(), Optional.of(outcome), f.openedAt(), NOW.plusSeconds(120)));
        return new CloseFollowUpUseCase.Closed(closed);
    }

    private FollowUpView changed(FollowUpView view, FollowUp followUp) {
        FollowUpView changed = new FollowUpView(followUp, view.customerId(), view.score(), view.comment(),
                view.language());
        followUps.put(followUp.id(), changed);
        return changed;
    }

    /** The invitation if it is the caller's; anything else, whatever the id, is empty. */
    private Optional<PartnerInvitation> ownInvitation(PartnerCaller caller, String invitationId) {
        Optional<PartnerId> owner = invitationOwners.getOrDefault(invitationId, Optional.empty());
        return owner.equals(Optional.of(caller.partnerId()))
                ? Optional.ofNullable(invitations.get(invitationId)) : Optional.empty();
    }

    private List<PartnerInvitation> readyOf(PartnerCaller caller) {
        return invitations.values().stream()
                .filter(i -> i.state() == InvitationState.PENDING)
                .filter(i -> ownInvitation(caller, i.invitationId()).isPresent())
                .toList();
    }

    private ReadyInvitationsPage listReadyInMemory(ListReadyInvitationsQuery query) {
        readyQueries.add(query);
        List<PartnerInvitation> ready = readyOf(query.caller()).stream()
                .filter(i -> query.after().map(after -> i.invitationId().compareTo(after) > 0).orElse(true))
                .toList();
        List<PartnerInvitation> page = ready.subList(0, Math.min(query.limit(), ready.size()));
        return new ReadyInvitationsPage(page, ready.size() > page.size()
                ? Optional.of(page.get(page.size() - 1).invitationId()) : Optional.empty());
    }

    private synchronized List<HandedOverInvitation> claimInMemory(ClaimInvitationsCommand command) {
        claims.add(command);
        List<HandedOverInvitation> handedOver = new ArrayList<>();
        for (PartnerInvitation ready : readyOf(command.caller())) {
            if (handedOver.size() == command.limit()) {
                break;
            }
            invitations.put(ready.invitationId(), withState(ready, InvitationState.HANDED_OVER));
            handedOver.add(handedOver(ready));
        }
        return handedOver;
    }

    private ReissueInvitationUseCase.Result reissueInMemory(PartnerCaller caller, String invitationId) {
        invitationAsks.add(new InvitationAsk("reissue", caller, invitationId));
        Optional<PartnerInvitation> own = ownInvitation(caller, invitationId);
        if (own.isEmpty()) {
            return new ReissueInvitationUseCase.NotFound();
        }
        if (own.get().state() != InvitationState.HANDED_OVER) {
            return new ReissueInvitationUseCase.NotReissuable(own.get().state());
        }
        return new ReissueInvitationUseCase.Reissued(handedOver(own.get()));
    }

    private ReportDeliveryUseCase.Result reportDeliveryInMemory(
            PartnerCaller caller, String invitationId, DeliveryReport report) {
        invitationAsks.add(new InvitationAsk("delivery", caller, invitationId));
        Optional<PartnerInvitation> own = ownInvitation(caller, invitationId);
        if (own.isEmpty()) {
            return new ReportDeliveryUseCase.NotFound();
        }
        if (own.get().state() != InvitationState.HANDED_OVER) {
            return new ReportDeliveryUseCase.NotHandedOver(own.get().state());
        }
        if (report.at().isAfter(NOW.plus(CLOCK_SKEW))) {
            return new ReportDeliveryUseCase.TimeInFuture();
        }
        deliveryReports.add(report);
        PartnerInvitation i = own.get();
        invitations.put(invitationId, new PartnerInvitation(i.invitationId(), i.state(), i.deliveryChannel(),
                i.contactPoint(), i.language(), i.expiresAt(), Optional.of(report)));
        return new ReportDeliveryUseCase.Recorded();
    }

    private List<FeedEntry> readChangesInMemory(PartnerCaller caller, FeedCursor after, int limit) {
        changeReads.add(new ChangesRead(caller, after, limit));
        return feed.stream()
                .filter(entry -> entry.change().partnerId().equals(caller.partnerId()))
                .filter(entry -> isAfter(entry.position(), after))
                .limit(limit)
                .toList();
    }

    private static boolean isAfter(FeedCursor position, FeedCursor cursor) {
        return position.transaction() > cursor.transaction()
                || position.transaction() == cursor.transaction() && position.sequence() > cursor.sequence();
    }

    private List<AuditEntry> queryAuditLogInMemory(QueryAuditLogQuery query) {
        auditQueries.add(query);
        return auditLog.stream()
                .filter(entry -> query.partnerId().isEmpty() || entry.partnerId().equals(query.partnerId()))
                .filter(entry -> !entry.at().isBefore(query.from()) && entry.at().isBefore(query.to()))
                .filter(entry -> query.after().map(after -> entry.entryId().compareTo(after) > 0).orElse(true))
                .sorted(Comparator.comparing(AuditEntry::entryId))
                .limit(query.limit())
                .toList();
    }

    /** The invitation handed over now, with a fresh link; a phone survey's has no text. */
    private HandedOverInvitation handedOver(PartnerInvitation invitation) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String link = "https://palaute.example/s/" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        issuedLinks.add(link);
        DeliveryChannel channel = invitation.deliveryChannel();
        Optional<InvitationTemplate.RenderedInvitation> text = channel == DeliveryChannel.PHONE ? Optional.empty()
                : Optional.of(new InvitationTemplate.RenderedInvitation(
                        channel == DeliveryChannel.SMS ? "" : "Miten onnistuimme?", "Vastaa: " + link));
        return new HandedOverInvitation(invitation.invitationId(), channel, invitation.contactPoint().orElseThrow(),
                invitation.language(), link, invitation.expiresAt(), text);
    }

    private static PartnerInvitation withState(PartnerInvitation i, InvitationState state) {
        return new PartnerInvitation(i.invitationId(), state, i.deliveryChannel(), i.contactPoint(), i.language(),
                i.expiresAt(), i.lastDelivery());
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
