package fi.palaute.application.fakes;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Survey definitions for tests, valid unless a test changes them on purpose. */
public final class Surveys {

    private Surveys() {
    }

    /** Bank-delivered e-mail survey in fi and en, listening to CHAT at the given rate. */
    public static SurveyDefinition emailOnChat(double rate) {
        return new SurveyDefinition("Chat NPS", SurveyKind.TRANSACTIONAL, Map.of(Channel.CHAT, new SamplingRate(rate)),
                DeliveryChannel.EMAIL, new Deliverer.Bank(), false, List.of(Language.FI, Language.EN),
                SurveyDefinition.DEFAULT_WINDOW, false);
    }

    public static SurveyDefinition smsOnChat(PartnerId partner) {
        return new SurveyDefinition("Chat SMS", SurveyKind.TRANSACTIONAL, Map.of(Channel.CHAT, SamplingRate.ALL),
                DeliveryChannel.SMS, new Deliverer.Partner(partner), false, List.of(Language.FI),
                SurveyDefinition.DEFAULT_WINDOW, true);
    }

    public static SurveyDefinition emailStudy() {
        return new SurveyDefinition("Relationship study", SurveyKind.STUDY, Map.of(), DeliveryChannel.EMAIL,
                new Deliverer.Bank(), true, List.of(Language.SV, Language.FI), Duration.ofDays(7), false);
    }
}
