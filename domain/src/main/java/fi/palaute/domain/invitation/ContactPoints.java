package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.ContactPointKind;
import fi.palaute.domain.survey.DeliveryChannel;
import java.util.Objects;
import java.util.Optional;

/** The contact points an event or study row brought along; either or both may be missing. */
public record ContactPoints(Optional<EmailAddress> email, Optional<MobileNumber> mobile) {

    public static final ContactPoints NONE = new ContactPoints(Optional.empty(), Optional.empty());

    public ContactPoints {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(mobile, "mobile");
    }

    public static ContactPoints of(EmailAddress email) {
        return new ContactPoints(Optional.of(email), Optional.empty());
    }

    public static ContactPoints of(MobileNumber mobile) {
        return new ContactPoints(Optional.empty(), Optional.of(mobile));
    }

    public static ContactPoints of(EmailAddress email, MobileNumber mobile) {
        return new ContactPoints(Optional.of(email), Optional.of(mobile));
    }

    /** The one contact point the delivery channel would use: the first of its preferences that is present. */
    public Optional<ContactPoint> usableFor(DeliveryChannel deliveryChannel) {
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        for (ContactPointKind kind : deliveryChannel.usableContactPoints()) {
            Optional<? extends ContactPoint> present = of(kind);
            if (present.isPresent()) {
                return Optional.of(present.get());
            }
        }
        return Optional.empty();
    }

    private Optional<? extends ContactPoint> of(ContactPointKind kind) {
        if (kind == ContactPointKind.EMAIL) {
            return email;
        }
        if (kind == ContactPointKind.MOBILE) {
            return mobile;
        }
        throw new IllegalStateException("no contact point of kind " + kind);
    }
}
