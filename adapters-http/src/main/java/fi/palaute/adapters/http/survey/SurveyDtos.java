package fi.palaute.adapters.http.survey;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON shapes of the survey resource and their mapping to and from the domain. */
final class SurveyDtos {

    /** The members a definition refusal may start with; any other message is laid on the body as a whole. */
    private static final Set<String> FIELDS = Set.of("name", "kind", "listensTo", "deliveryChannel", "deliveredBy",
            "partnerId", "anonymous", "languages", "windowDays", "reminder", "state");
    private static final Pattern LEADING_FIELD = Pattern.compile("^([A-Za-z]+)(:\\s*|\\s)");

    private SurveyDtos() {
    }

    enum DeliveredBy {
        BANK,
        PARTNER
    }

    /** What the survey team decides about a survey; both bodies below carry it. */
    interface SurveyFields {
        String name();

        SurveyKind kind();

        Map<String, Double> listensTo();

        DeliveryChannel deliveryChannel();

        DeliveredBy deliveredBy();

        String partnerId();

        Boolean anonymous();

        List<String> languages();

        Integer windowDays();

        Boolean reminder();
    }

    /** A new survey. */
    record SurveyBody(
            String name, SurveyKind kind, Map<String, Double> listensTo, DeliveryChannel deliveryChannel,
            DeliveredBy deliveredBy, String partnerId, Boolean anonymous, List<String> languages, Integer windowDays,
            Boolean reminder) implements SurveyFields {
    }

    /** A whole definition and the state the survey should have from now on. */
    record SurveyChangeBody(
            String name, SurveyKind kind, Map<String, Double> listensTo, DeliveryChannel deliveryChannel,
            DeliveredBy deliveredBy, String partnerId, Boolean anonymous, List<String> languages, Integer windowDays,
            Boolean reminder, SurveyState state) implements SurveyFields {
    }

    record SurveyView(
            String surveyId, String name, SurveyKind kind, Map<String, Double> listensTo,
            DeliveryChannel deliveryChannel, DeliveredBy deliveredBy, String partnerId, boolean anonymous,
            List<String> languages, long windowDays, boolean reminder, SurveyState state, Instant createdAt,
            Instant updatedAt) {

        static SurveyView of(Survey survey) {
            SurveyDefinition d = survey.definition();
            Map<String, Double> listensTo = new LinkedHashMap<>();
            d.listensTo().forEach((channel, rate) -> listensTo.put(channel.name(), rate.value()));
            String partnerId = d.deliverer() instanceof Deliverer.Partner partner ? partner.partnerId().value() : null;
            return new SurveyView(survey.id().value(), d.name(), d.kind(), listensTo, d.deliveryChannel(),
                    partnerId == null ? DeliveredBy.BANK : DeliveredBy.PARTNER, partnerId, d.anonymous(),
                    d.languages().stream().map(Language::code).toList(), d.window().toDays(), d.reminder(),
                    survey.state(), survey.createdAt(), survey.updatedAt());
        }
    }

    record SurveyList(List<SurveyView> surveys) {
    }

    record TemplateSlotView(String channel, String language) {
        static TemplateSlotView of(TemplateSlot slot) {
            return new TemplateSlotView(slot.channel().name(), slot.language().code());
        }
    }

    /**
     * The definition a body describes. Each member is checked where it is read; combinations are the
     * definition's own rules, whose messages start with the member they are about.
     */
    static SurveyDefinition definitionOf(SurveyFields body) {
        String name = RequestParams.required("body.name", body.name());
        SurveyKind kind = RequestParams.required("body.kind", body.kind());
        Map<Channel, SamplingRate> listensTo = listensTo(body.listensTo());
        DeliveryChannel deliveryChannel = RequestParams.required("body.deliveryChannel", body.deliveryChannel());
        Deliverer deliverer = deliverer(RequestParams.required("body.deliveredBy", body.deliveredBy()),
                body.partnerId());
        boolean anonymous = RequestParams.required("body.anonymous", body.anonymous());
        List<Language> languages = languages(RequestParams.required("body.languages", body.languages()));
        Duration window = body.windowDays() == null ? SurveyDefinition.DEFAULT_WINDOW
                : Duration.ofDays(body.windowDays());
        boolean reminder = Boolean.TRUE.equals(body.reminder());
        try {
            return new SurveyDefinition(name, kind, listensTo, deliveryChannel, deliverer, anonymous, languages,
                    window, reminder);
        } catch (IllegalArgumentException refused) {
            throw refusalOf(refused.getMessage());
        }
    }

    /** {@code "reminder: only EMAIL and SMS…"} becomes a 400 naming {@code body.reminder}. */
    static ProblemException refusalOf(String message) {
        if (message == null || message.isBlank()) {
            return ProblemException.invalid("body", "is not a possible survey");
        }
        Matcher leading = LEADING_FIELD.matcher(message);
        if (leading.find() && FIELDS.contains(leading.group(1))) {
            String reason = leading.group(2).startsWith(":") ? message.substring(leading.end()) : message;
            return ProblemException.invalid("body." + leading.group(1), reason);
        }
        return ProblemException.invalid("body", message);
    }

    private static Map<Channel, SamplingRate> listensTo(Map<String, Double> body) {
        Map<Channel, SamplingRate> listensTo = new EnumMap<>(Channel.class);
        if (body == null) {
            return listensTo;
        }
        body.forEach((name, rate) -> {
            Channel channel = RequestParams.enumValue("body.listensTo", name, Channel.class);
            String where = "body.listensTo." + channel.name();
            double value = RequestParams.required(where, rate);
            listensTo.put(channel, RequestParams.valid(where, () -> new SamplingRate(value)));
        });
        return listensTo;
    }

    private static Deliverer deliverer(DeliveredBy deliveredBy, String partnerId) {
        if (deliveredBy == DeliveredBy.BANK) {
            if (partnerId != null) {
                throw ProblemException.invalid("body.partnerId", "is given only when deliveredBy is PARTNER");
            }
            return new Deliverer.Bank();
        }
        if (partnerId == null) {
            throw ProblemException.invalid("body.partnerId", "is required when deliveredBy is PARTNER");
        }
        return new Deliverer.Partner(RequestParams.parse("body.partnerId", partnerId, PartnerId::new));
    }

    private static List<Language> languages(List<String> codes) {
        List<Language> languages = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            languages.add(RequestParams.language("body.languages[" + i + "]", codes.get(i)));
        }
        return languages;
    }
}
