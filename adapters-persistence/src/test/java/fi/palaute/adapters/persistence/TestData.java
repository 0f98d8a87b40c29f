package fi.palaute.adapters.persistence;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProfileChannel;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.invitation.TokenHash;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Values the contract tests share. Instants are whole milliseconds, the precision the database keeps. */
public final class TestData {

    public static final Instant T0 = Instant.parse("2026-11-02T08:15:30.123Z");

    public static final ProhibitionActor.CustomerServiceAgent AGENT =
            new ProhibitionActor.CustomerServiceAgent(new AgentId("agent.007"));
    public static final ProhibitionActor.MyProfile PROFILE_MOBILE = new ProhibitionActor.MyProfile(ProfileChannel.MOBILE);
    public static final ProhibitionActor.MyProfile PROFILE_WEB = new ProhibitionActor.MyProfile(ProfileChannel.WEB);
    public static final ProhibitionActor.MyProfile PROFILE_NO_CHANNEL = new ProhibitionActor.MyProfile(Optional.empty());
    public static final ProhibitionActor.SurveyLink SURVEY_LINK = new ProhibitionActor.SurveyLink();

    public static final PartnerId ACME = new PartnerId("acme_surveys");
    /** A second partner, who must never see {@link #ACME}'s invitations, feed or audit entries. */
    public static final PartnerId BETA = new PartnerId("beta-research");
    public static final Controller CONTROLLER = new Controller("OP-Osuuskunta");
    public static final ContactPoint EMAIL = new EmailAddress("maija.meikalainen@example.fi");

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final AtomicInteger SURVEYS = new AtomicInteger();
    private static final AtomicInteger INVITATIONS = new AtomicInteger();
    private static final AtomicInteger TOKENS = new AtomicInteger();
    private static final AtomicInteger ANSWERS = new AtomicInteger();
    private static final AtomicInteger FOLLOW_UPS = new AtomicInteger();

    private TestData() {
    }

    /** A customer id no other test in this JVM uses. */
    public static CustomerId newCustomer() {
        return new CustomerId("C-" + CUSTOMERS.incrementAndGet());
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    /** A survey id no other test in this JVM uses. */
    public static SurveyId newSurveyId() {
        return new SurveyId("S-" + SURVEYS.incrementAndGet());
    }

    /** An invitation id no other test in this JVM uses; later ones sort after earlier ones. */
    public static String newInvitationId() {
        return String.format("0195f3a0-0000-7000-8000-%012d", INVITATIONS.incrementAndGet());
    }

    /** A token hash no other test in this JVM uses: 64 lower-case hex digits. */
    public static TokenHash newTokenHash() {
        return new TokenHash(String.format("%064x", TOKENS.incrementAndGet()));
    }

    /** A time-ordered answer id no other test in this JVM uses; later ones sort after earlier ones. */
    public static String newAnswerId() {
        return String.format("0195f3a0-0000-7000-a000-%012d", ANSWERS.incrementAndGet());
    }

    /** A follow-up id no other test in this JVM uses; later ones sort after earlier ones. */
    public static String newFollowUpId() {
        return String.format("0195f3a0-0000-7000-b000-%012d", FOLLOW_UPS.incrementAndGet());
    }

    /** A comment as the scrubber leaves it; nothing was removed. */
    public static ScrubbedComment comment(String text) {
        return new ScrubbedComment(text, List.of());
    }

    /** The identified answer of the customer to the invitation, from the chat, in Finnish, contact allowed. */
    public static StoredAnswer.IdentifiedAnswer identifiedAnswer(SurveyId survey, CustomerId customer,
            String invitationId, int score, Optional<ScrubbedComment> comment, Instant answeredAt) {
        return new StoredAnswer.IdentifiedAnswer(newAnswerId(), new AnswerContext(survey, Optional.of(Channel.CHAT),
                CONTROLLER, Language.FI), customer, invitationId, new NpsScore(score), comment, true, answeredAt);
    }

    /** Every message in the failure's chain of causes and suppressed exceptions, to check what it gives away. */
    public static String allMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        ArrayDeque<Throwable> toSee = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!toSee.isEmpty()) {
            Throwable t = toSee.pop();
            if (!seen.add(t)) {
                continue;
            }
            messages.append(t).append('\n');
            if (t.getCause() != null) {
                toSee.push(t.getCause());
            }
            toSee.addAll(List.of(t.getSuppressed()));
        }
        return messages.toString();
    }

    /** An active transactional e-mail survey the bank delivers, listening to the chat (1 in 4) and branches (all). */
    public static SurveyDefinition transactionalDefinition(String name) {
        return new SurveyDefinition(name, SurveyKind.TRANSACTIONAL,
                Map.of(Channel.CHAT, new SamplingRate(0.25), Channel.BRANCH, SamplingRate.ALL),
                DeliveryChannel.EMAIL, new Deliverer.Bank(), false, List.of(Language.FI, Language.SV),
                Duration.ofDays(7), true);
    }

    /** A study (no channels) of anonymous interviews, delivered by {@link #ACME}, in English then Finnish. */
    public static SurveyDefinition studyDefinition(String name) {
        return new SurveyDefinition(name, SurveyKind.STUDY, Map.of(), DeliveryChannel.PHONE,
                new Deliverer.Partner(ACME), true, List.of(Language.EN, Language.FI), Duration.ofHours(36), false);
    }

    public static Survey survey(SurveyDefinition definition, SurveyState state, Instant createdAt) {
        return new Survey(newSurveyId(), definition, state, createdAt, createdAt);
    }

    /** An active transactional survey, stored; its id. */
    public static SurveyId storedActiveSurvey(Database database, String name, Instant createdAt) {
        Survey survey = survey(transactionalDefinition(name), SurveyState.ACTIVE, createdAt);
        database.surveys().insert(survey);
        return survey.id();
    }

    /** A pending e-mail invitation from the chat, delivered by the bank, valid for a week. */
    public static Invitation invitation(SurveyId survey, CustomerId customer, Instant createdAt) {
        return new Invitation(newInvitationId(), survey, customer, Language.FI, DeliveryChannel.EMAIL, Optional.of(EMAIL),
                new Deliverer.Bank(), Optional.of(Channel.CHAT), CONTROLLER, createdAt,
                createdAt.plus(Duration.ofDays(7)), InvitationState.PENDING);
    }
}
