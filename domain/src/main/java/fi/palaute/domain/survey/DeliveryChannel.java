package fi.palaute.domain.survey;

import java.util.List;

/**
 * How a survey's invitations travel (R-CHANNELS), and which contact point each needs, in order of preference.
 * <ul>
 *   <li>EMAIL needs an e-mail address; SMS needs a mobile number.</li>
 *   <li>PHONE needs a mobile number: the partner calls it, and a landline is never stored as one.</li>
 *   <li>ONSITE (an interview invitation with time and place) travels as a message, by e-mail or text message,
 *       so either will do; e-mail first, because time and place read better there and it is not held back by
 *       the 08:00–20:00 window for text messages.</li>
 * </ul>
 */
public enum DeliveryChannel {
    EMAIL(List.of(ContactPointKind.EMAIL)),
    SMS(List.of(ContactPointKind.MOBILE)),
    PHONE(List.of(ContactPointKind.MOBILE)),
    ONSITE(List.of(ContactPointKind.EMAIL, ContactPointKind.MOBILE));

    private final List<ContactPointKind> usableContactPoints;

    DeliveryChannel(List<ContactPointKind> usableContactPoints) {
        this.usableContactPoints = usableContactPoints;
    }

    /** The contact points this channel can use, most preferred first; never empty. */
    public List<ContactPointKind> usableContactPoints() {
        return usableContactPoints;
    }

    /**
     * The written templates this channel's invitations need: one per contact point it may use. A phone survey
     * needs none; the partner calls with a script of its own.
     */
    public List<TemplateChannel> templateChannels() {
        if (this == PHONE) {
            return List.of();
        }
        return usableContactPoints.stream().map(TemplateChannel::carrying).toList();
    }

    /** At most one reminder, and only for messages the customer reads later (R-CHANNELS). */
    public boolean allowsReminder() {
        return this == EMAIL || this == SMS;
    }
}
