package fi.palaute.domain.survey;

import fi.palaute.domain.invitation.SamplingRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the survey team decides about a survey. Impossible combinations cannot be built: each is refused
 * with a message naming the field, so the API can pass it on as it is.
 * <ul>
 *   <li>A transactional survey listens to at least one channel, each with its sampling rate; a study listens to
 *       none (its customer list is its sample).</li>
 *   <li>A reminder only on {@code EMAIL} and {@code SMS} (R-CHANNELS).</li>
 *   <li>{@code PHONE} and {@code ONSITE} are partner work: the bank's own sender only sends e-mail and text
 *       messages, so a bank-delivered phone or interview survey could never reach anyone.</li>
 *   <li>An {@code ONSITE} interview meets the customer in person, so it cannot be anonymous.</li>
 * </ul>
 */
public record SurveyDefinition(
        String name,
        SurveyKind kind,
        Map<Channel, SamplingRate> listensTo,
        DeliveryChannel deliveryChannel,
        Deliverer deliverer,
        boolean anonymous,
        List<Language> languages,
        Duration window,
        boolean reminder) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    public SurveyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listensTo, "listensTo");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        Objects.requireNonNull(deliverer, "deliverer");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(window, "window");
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH
                || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: must be 1-" + MAX_NAME_LENGTH + " characters, with no control characters");
        }
        name = trimmed;
        listensTo = Collections.unmodifiableMap(listensTo.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(listensTo));
        if (kind == SurveyKind.TRANSACTIONAL && listensTo.isEmpty()) {
            throw new IllegalArgumentException("listensTo: a transactional survey listens to at least one channel");
        }
        if (kind == SurveyKind.STUDY && !listensTo.isEmpty()) {
            throw new IllegalArgumentException("listensTo: a study is started from a customer list and listens to no channel");
        }
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("languages: a survey is offered in at least one language");
        }
        if (languages.stream().distinct().count() != languages.size()) {
            throw new IllegalArgumentException("languages: each language at most once");
        }
        if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("windowDays: the window must be from 1 to " + MAX_WINDOW.toDays() + " days");
        }
        if (reminder && !deliveryChannel.allowsReminder()) {
            throw new IllegalArgumentException("reminder: only EMAIL and SMS surveys can send a reminder, not "
                    + deliveryChannel);
        }
        if (deliverer instanceof Deliverer.Bank
                && (deliveryChannel == DeliveryChannel.PHONE || deliveryChannel == DeliveryChannel.ONSITE)) {
            throw new IllegalArgumentException("deliveredBy: the bank sends only e-mail and text messages; a "
                    + deliveryChannel + " survey needs a partner");
        }
        if (anonymous && deliveryChannel == DeliveryChannel.ONSITE) {
            throw new IllegalArgumentException("anonymous: an ONSITE interview meets the customer in person and cannot be anonymous");
        }
    }

    /** The sampling rate for an event from this channel, or empty when the survey does not listen to it. */
    public java.util.Optional<SamplingRate> samplingRateFor(Channel channel) {
        return java.util.Optional.ofNullable(listensTo.get(channel));
    }

    /** The invitation's language: the customer's, when the survey is offered in it, otherwise its first. */
    public Language languageFor(Language wanted) {
        return languages.contains(wanted) ? wanted : languages.get(0);
    }

    /**
     * The templates this survey needs before it may go active: one per written channel its delivery uses, in
     * each of its languages. A phone survey needs none (the partner follows a call script).
     */
    public List<TemplateSlot> requiredTemplates() {
        List<TemplateSlot> slots = new ArrayList<>();
        for (TemplateChannel channel : deliveryChannel.templateChannels()) {
            for (Language language : languages) {
                slots.add(new TemplateSlot(channel, language));
            }
        }
        return List.copyOf(slots);
    }

    /** What may not change once the survey has left draft: it would change the meaning of what was collected. */
    public boolean sameFixedPartsAs(SurveyDefinition other) {
        return kind == other.kind && deliveryChannel == other.deliveryChannel
                && deliverer.equals(other.deliverer) && anonymous == other.anonymous;
    }
}
