package fi.palaute.application.service.report;

import fi.palaute.application.port.in.report.GenerateAnswersUseCase;
import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded, so a run can be repeated. Each channel has its own volume and NPS, drifting over the months (the mobile
 * app improving, phone service slipping), so the dashboard's lines differ and move; English answers are few, so
 * fine breakdowns show suppressed cells as they would in life. Stored in chunks, each chunk one transaction.
 */
public final class GenerateAnswersService implements GenerateAnswersUseCase {

    private static final int CHUNK = 5_000;

    /** A channel's share of answers and its NPS at the start and the end of the period. */
    private record ChannelProfile(Channel channel, double share, double npsFrom, double npsTo) {
    }

    private static final List<ChannelProfile> CHANNELS = List.of(
            new ChannelProfile(Channel.MOBILE_APP, 0.34, 32, 48),
            new ChannelProfile(Channel.ONLINE_BANK, 0.26, 30, 33),
            new ChannelProfile(Channel.BRANCH, 0.16, 45, 42),
            new ChannelProfile(Channel.PHONE_SERVICE, 0.14, 22, 12),
            new ChannelProfile(Channel.CHAT, 0.10, 5, 18));

    private final TransactionRunner transactions;
    private final AnswerRepository answers;
    private final Clock clock;

    public GenerateAnswersService(TransactionRunner transactions, AnswerRepository answers, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.answers = Objects.requireNonNull(answers);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public long generate(Command command) {
        SplittableRandom random = new SplittableRandom(command.seed());
        Instant end = clock.instant();
        long span = Duration.ofDays(30L * command.months()).toMillis();
        long stored = 0;
        while (stored < command.count()) {
            int size = (int) Math.min(CHUNK, command.count() - stored);
            List<StoredAnswer.IdentifiedAnswer> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double progress = random.nextDouble();
                chunk.add(answer(command, random, end.minusMillis((long) ((1 - progress) * span)), progress));
            }
            transactions.inTransaction(() -> {
                answers.insertAll(chunk);
                return null;
            });
            stored += size;
        }
        return stored;
    }

    private static StoredAnswer.IdentifiedAnswer answer(Command command, SplittableRandom random, Instant at,
            double progress) {
        ChannelProfile profile = pick(random);
        double nps = profile.npsFrom() + (profile.npsTo() - profile.npsFrom()) * progress;
        Language language = random.nextDouble() < 0.86 ? Language.FI : random.nextDouble() < 0.75 ? Language.SV : Language.EN;
        Controller controller = new Controller(random.nextDouble() < 0.8 ? "OP-Retail" : "OP-Corporate");
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        return new StoredAnswer.IdentifiedAnswer(id,
                new AnswerContext(command.surveyId(), Optional.of(profile.channel()), controller, language),
                new CustomerId("gen-" + id.substring(0, 13)), "gen-" + id, new NpsScore(score(random, nps)),
                Optional.empty(), false, at);
    }

    private static ChannelProfile pick(SplittableRandom random) {
        double draw = random.nextDouble();
        for (ChannelProfile profile : CHANNELS) {
            draw -= profile.share();
            if (draw < 0) {
                return profile;
            }
        }
        return CHANNELS.get(CHANNELS.size() - 1);
    }

    /**
     * A score whose category shares give the wanted NPS: passives fixed at 30 %, promoters and detractors sharing
     * the rest so that promoters − detractors = NPS.
     */
    private static int score(SplittableRandom random, double nps) {
        double promoters = (0.70 + nps / 100) / 2;
        double draw = random.nextDouble();
        if (draw < promoters) {
            return 9 + random.nextInt(2);
        }
        if (draw < promoters + 0.30) {
            return 7 + random.nextInt(2);
        }
        return random.nextInt(7);
    }
}
