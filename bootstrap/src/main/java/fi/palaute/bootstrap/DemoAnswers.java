package fi.palaute.bootstrap;

import fi.palaute.adapters.persistence.Database;
import fi.palaute.application.port.in.report.GenerateAnswersUseCase;
import fi.palaute.application.service.report.GenerateAnswersService;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.SurveyState;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A year of generated answers for demo mode and for the report benchmark, stored in a closed survey of their own:
 * closed, so the demo's own service events never invite anyone to it.
 */
final class DemoAnswers {

    static final SurveyId SURVEY = new SurveyId("generated-answers");
    private static final long SEED = 2026;

    private DemoAnswers() {
    }

    static long generate(Database database, Clock clock, long count, int months) {
        database.transactions().inTransaction(() -> {
            if (database.surveys().find(SURVEY).isEmpty()) {
                database.surveys().insert(new Survey(SURVEY, definition(), SurveyState.CLOSED, clock.instant(),
                        clock.instant()));
            }
            return null;
        });
        return new GenerateAnswersService(database.transactions(), database.answers(), clock)
                .generate(new GenerateAnswersUseCase.Command(SURVEY, count, months, SEED));
    }

    private static SurveyDefinition definition() {
        Map<Channel, SamplingRate> every = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            every.put(channel, SamplingRate.ALL);
        }
        return new SurveyDefinition("Generated answers (demo and benchmarks)", SurveyKind.TRANSACTIONAL, every,
                DeliveryChannel.EMAIL, new Deliverer.Bank(), false, List.of(Language.FI, Language.SV, Language.EN),
                SurveyDefinition.DEFAULT_WINDOW, false);
    }
}
