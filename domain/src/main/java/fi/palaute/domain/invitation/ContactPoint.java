package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.ContactPointKind;

/**
 * Where an invitation can reach a customer. Personal data: {@link #value()} is for delivery only, and
 * {@code toString()} gives {@link #masked()} so a contact point that slips into a log line reveals nothing useful.
 */
public sealed interface ContactPoint permits EmailAddress, MobileNumber {

    ContactPointKind kind();

    /** The full address or number, for the one place that delivers. */
    String value();

    /** Enough to tell two contact points apart when debugging, not enough to reach anyone. */
    String masked();
}
