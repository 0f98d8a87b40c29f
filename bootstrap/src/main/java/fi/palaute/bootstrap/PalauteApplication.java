package fi.palaute.bootstrap;

import fi.palaute.adapters.http.HttpAdapter;
import fi.palaute.adapters.http.HttpSettings;
import fi.palaute.adapters.http.HttpUseCases;
import fi.palaute.adapters.persistence.Database;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.application.port.in.lifecycle.ApplyRetentionUseCase;
import fi.palaute.application.port.in.lifecycle.ExpireInvitationsUseCase;
import fi.palaute.application.service.answer.AnswerStores;
import fi.palaute.application.service.answer.OpenSurveyService;
import fi.palaute.application.service.answer.OptOutBySurveyLinkService;
import fi.palaute.application.service.answer.RecordOnsiteAcceptanceService;
import fi.palaute.application.service.answer.RecordPhoneAnswerService;
import fi.palaute.application.service.answer.SubmitAnswerService;
import fi.palaute.application.service.followup.CloseFollowUpService;
import fi.palaute.application.service.followup.ListFollowUpsService;
import fi.palaute.application.service.followup.ShowFollowUpService;
import fi.palaute.application.service.followup.TakeFollowUpService;
import fi.palaute.application.service.lifecycle.ApplyRetentionService;
import fi.palaute.application.service.report.CloseDashboardSessionService;
import fi.palaute.application.service.report.OpenDashboardSessionService;
import fi.palaute.application.service.report.ResumeDashboardSessionService;
import fi.palaute.application.service.report.ShowNpsReportService;
import fi.palaute.application.service.lifecycle.ReleaseAnonymousAnswersService;
import fi.palaute.application.port.in.partner.CreatePartnerCommand;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.application.service.access.AuthenticateApiKeyService;
import fi.palaute.application.service.access.ChangeApiKeyBudgetService;
import fi.palaute.application.service.access.CreateApiKeyService;
import fi.palaute.application.service.access.ListApiKeysService;
import fi.palaute.application.service.access.ProvisionDemoKeysService;
import fi.palaute.application.service.consent.LiftProhibitionService;
import fi.palaute.application.service.consent.SetProhibitionService;
import fi.palaute.application.service.consent.ShowProhibitionHistoryService;
import fi.palaute.application.service.consent.ShowProhibitionService;
import fi.palaute.application.service.delivery.ClaimInvitationsService;
import fi.palaute.application.service.delivery.DeliveryStores;
import fi.palaute.application.service.delivery.ListReadyInvitationsService;
import fi.palaute.application.service.delivery.QueryAuditLogService;
import fi.palaute.application.service.delivery.ReadPartnerChangesService;
import fi.palaute.application.service.delivery.ReissueInvitationService;
import fi.palaute.application.service.delivery.ReportDeliveryService;
import fi.palaute.application.service.delivery.ShowPartnerInvitationService;
import fi.palaute.application.service.erasure.EraseCustomerSurveyDataService;
import fi.palaute.application.service.health.CheckHealthService;
import fi.palaute.application.service.invitation.InvitationStores;
import fi.palaute.application.service.invitation.RecordServiceEventsService;
import fi.palaute.application.service.invitation.ShowFunnelService;
import fi.palaute.application.service.invitation.StartStudyService;
import fi.palaute.application.service.lifecycle.ExpireInvitationsService;
import fi.palaute.application.service.partner.CreatePartnerKeyService;
import fi.palaute.application.service.partner.CreatePartnerService;
import fi.palaute.application.service.partner.ListPartnerKeysService;
import fi.palaute.application.service.partner.ListPartnersService;
import fi.palaute.application.service.partner.RevokePartnerKeyService;
import fi.palaute.application.service.partner.ShowPartnerService;
import fi.palaute.application.service.survey.ChangeSurveyService;
import fi.palaute.application.service.survey.CreateSurveyService;
import fi.palaute.application.service.survey.ListSurveysService;
import fi.palaute.application.service.survey.SaveTemplateService;
import fi.palaute.application.service.survey.ShowSurveyService;
import fi.palaute.application.service.survey.ShowTemplateService;
import fi.palaute.domain.invitation.InvitationPolicy;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only place that calls {@code new} on services and adapters. Everything is plain
 * constructor wiring, so what runs is what is written here.
 */
public final class PalauteApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PalauteApplication.class);

    private final Database database;
    private final Javalin http;
    private final ScheduledExecutorService jobs;
    private volatile boolean stopped;

    private PalauteApplication(Database database, Javalin http, ScheduledExecutorService jobs) {
        this.database = database;
        this.http = http;
        this.jobs = jobs;
    }

    /**
     * Opens the database (migrating it), makes demo keys if asked and the database has none, and starts HTTP.
     * Demo keys go to {@code keyOutput}, one {@code ROLE key} per line: the only place a key is ever shown.
     */
    public static PalauteApplication start(PalauteConfig config, Clock clock, Consumer<String> keyOutput) {
        Database database = openDatabase(config);
        try {
            if (config.demo()) {
                provisionDemoKeys(database, clock, keyOutput, config.demoAnswers());
            }
            Javalin http = HttpAdapter.create(useCases(database, clock, config),
                    new HttpSettings(config.maxBodyBytes(), config.stopGrace(), System::nanoTime, clock));
            http.start(config.port());
            ScheduledExecutorService jobs = startJobs(database, clock, config);
            LOG.info("Palaute listening on http://localhost:{} (database: {})", http.port(), config.dbVendor());
            return new PalauteApplication(database, http, jobs);
        } catch (RuntimeException failed) {
            database.close();
            throw failed;
        }
    }

    /**
     * The jobs every node runs on its own: ending invitations whose expiry has come, erasing ended invitations'
     * contact points, releasing held anonymous answers in batches, and applying the retention periods of answers'
     * customer links and audit entries. Safe on several nodes at once (see package-info of the persistence adapter);
     * a failed run is logged without personal data and the next one tries again.
     */
    private static ScheduledExecutorService startJobs(Database database, Clock clock, PalauteConfig config) {
        ExpireInvitationsService expiry = new ExpireInvitationsService(database.transactions(), database.invitations(),
                database.partnerChanges(), clock);
        ReleaseAnonymousAnswersService release = new ReleaseAnonymousAnswersService(database.transactions(),
                database.answers(), config.anonymousReleaseBatch(), clock);
        ApplyRetentionService retention = new ApplyRetentionService(database.transactions(), database.answers(),
                database.followUps(), database.auditLog(), config.retention(), clock);
        ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "palaute-jobs");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.expiryJobInterval().toMillis();
        jobs.scheduleWithFixedDelay(() -> {
            runJob("Expiry", every, () -> {
                ExpireInvitationsUseCase.Outcome outcome = expiry.expireDue();
                if (outcome.expired() > 0 || outcome.contactPointsErased() > 0) {
                    LOG.info("Invitations expired: {}; contact points erased: {}", outcome.expired(),
                            outcome.contactPointsErased());
                }
            });
            runJob("Anonymous release", every, () -> {
                int released = release.release();
                if (released > 0) {
                    LOG.info("Anonymous answers released: {}", released);
                }
            });
            runJob("Retention", every, () -> {
                ApplyRetentionUseCase.Outcome outcome = retention.apply();
                if (outcome.answersDeidentified() > 0 || outcome.followUpsCancelled() > 0
                        || outcome.auditEntriesRemoved() > 0) {
                    LOG.info("Retention: answers de-identified: {}; follow-ups cancelled: {}; audit entries removed: {}",
                            outcome.answersDeidentified(), outcome.followUpsCancelled(), outcome.auditEntriesRemoved());
                }
            });
        }, every, every, TimeUnit.MILLISECONDS);
        return jobs;
    }

    /** One job's run: a failure is logged by its kind only (a message could carry data) and does not stop the rest. */
    private static void runJob(String name, long everyMillis, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException failed) {
            LOG.warn("{} job failed; it runs again in {} ms: {}", name, everyMillis, failed.getClass().getSimpleName());
        }
    }

    public static Database openDatabase(PalauteConfig config) {
        return Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
    }

    static HttpUseCases useCases(Database database, Clock clock, PalauteConfig config) {
        TransactionRunner transactions = database.transactions();
        InvitationPolicy policy = config.invitationPolicy();
        DeliveryStores deliveryStores = new DeliveryStores(transactions, database.invitations(), database.auditLog());
        InvitationStores invitationStores = new InvitationStores(transactions, database.customerLocks(),
                database.prohibitions(), database.invitations(), database.bankDeliveryQueue(), database.funnel());
        AnswerStores answerStores = new AnswerStores(transactions, database.customerLocks(), database.invitations(),
                database.surveys(), database.answers(), database.followUps(), database.onsiteAcceptances(),
                database.partnerChanges(), database.auditLog());
        SetProhibitionService setProhibition = new SetProhibitionService(transactions, database.prohibitions(),
                database.prohibitionHistory(), database.customerLocks(), database.invitations(),
                database.partnerChanges(), database.followUps(), clock);
        AuthenticateApiKeyService authenticate =
                new AuthenticateApiKeyService(database.apiKeys(), clock, AuthenticateApiKeyService.DEFAULT_REMEMBER);
        return new HttpUseCases(
                authenticate,
                new ListApiKeysService(database.apiKeys()),
                new ChangeApiKeyBudgetService(transactions, database.apiKeys()),
                setProhibition,
                new LiftProhibitionService(transactions, database.prohibitions(), database.prohibitionHistory(), clock),
                new ShowProhibitionService(database.prohibitions()),
                new ShowProhibitionHistoryService(database.prohibitionHistory()),
                new CheckHealthService(database.probe()),
                new CreatePartnerService(transactions, database.partners(), clock),
                new ListPartnersService(database.partners()),
                new ShowPartnerService(database.partners()),
                createPartnerKey(database, clock),
                new ListPartnerKeysService(database.partners(), database.apiKeys()),
                new RevokePartnerKeyService(transactions, database.apiKeys(), clock),
                new CreateSurveyService(transactions, database.surveys(), database.partners(), clock),
                new ListSurveysService(database.surveys()),
                new ShowSurveyService(database.surveys()),
                new ChangeSurveyService(transactions, database.surveys(), database.partners(), database.templates(),
                        clock),
                new SaveTemplateService(transactions, database.surveys(), database.templates(), clock),
                new ShowTemplateService(database.templates()),
                new RecordServiceEventsService(invitationStores, database.surveys(), database.serviceEvents(), policy,
                        clock),
                new StartStudyService(invitationStores, database.surveys(), policy, clock),
                new ShowFunnelService(database.surveys(), database.funnel()),
                new ListReadyInvitationsService(deliveryStores, clock),
                new ClaimInvitationsService(deliveryStores, database.templates(), config.surveyLinks(), clock),
                new ShowPartnerInvitationService(deliveryStores, clock),
                new ReissueInvitationService(deliveryStores, database.templates(), config.surveyLinks(), clock),
                new ReportDeliveryService(deliveryStores, clock),
                new ReadPartnerChangesService(deliveryStores, database.partnerChanges(), clock),
                new QueryAuditLogService(database.auditLog()),
                new EraseCustomerSurveyDataService(transactions, database.customerLocks(), database.invitations(),
                        new EraseCustomerSurveyDataService.ErasableAnswerData(database.answers(), database.followUps(),
                                database.onsiteAcceptances()),
                        database.partnerChanges(), database.auditLog(), clock),
                new OpenSurveyService(answerStores, clock),
                new SubmitAnswerService(answerStores, clock),
                new OptOutBySurveyLinkService(answerStores, setProhibition, clock),
                new RecordPhoneAnswerService(answerStores, clock),
                new RecordOnsiteAcceptanceService(answerStores, clock),
                new ListFollowUpsService(database.followUps()),
                new ShowFollowUpService(database.followUps()),
                new TakeFollowUpService(transactions, database.followUps(), clock),
                new CloseFollowUpService(transactions, database.followUps(), clock),
                new ShowNpsReportService(database.answerCounts(), config.reportK(),
                        config.reportYearsRemembered()),
                new OpenDashboardSessionService(authenticate, transactions, database.dashboardSessions(),
                        config.dashboardSessionLifetime(), clock),
                new ResumeDashboardSessionService(database.dashboardSessions(), database.apiKeys(), clock),
                new CloseDashboardSessionService(transactions, database.dashboardSessions()));
    }

    static CreateApiKeyService createApiKey(Database database, Clock clock) {
        return new CreateApiKeyService(database.transactions(), database.apiKeys(), clock);
    }

    static CreatePartnerKeyService createPartnerKey(Database database, Clock clock) {
        return new CreatePartnerKeyService(database.transactions(), database.partners(), createApiKey(database, clock));
    }

    /**
     * The demo PARTNER key's partner is registered first (by whichever node gets there first), like any other. The
     * node that makes the keys (the first start on an empty database) also fills a year of generated answers, so
     * the dashboard has something to show on the first run.
     */
    private static void provisionDemoKeys(Database database, Clock clock, Consumer<String> keyOutput,
            int demoAnswers) {
        new CreatePartnerService(database.transactions(), database.partners(), clock)
                .create(new CreatePartnerCommand(ProvisionDemoKeysService.DEMO_PARTNER, "Demo partner"));
        var demo = new ProvisionDemoKeysService(database.transactions(), database.apiKeys(), createApiKey(database, clock));
        List<IssuedApiKey> issued = demo.provisionIfEmpty();
        for (IssuedApiKey key : issued) {
            keyOutput.accept(key.key().role().name() + " " + key.secret().plainText());
        }
        if (!issued.isEmpty() && demoAnswers > 0) {
            DemoAnswers.generate(database, clock, demoAnswers, 12);
        }
    }

    public int port() {
        return http.port();
    }

    /** Stops taking requests, lets those in flight finish (up to the grace period), then closes the pool. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("Palaute stopping: finishing requests in flight");
        jobs.shutdownNow();
        try {
            http.stop();
        } finally {
            database.close();
            LOG.info("Palaute stopped; database pool closed");
        }
    }
}
