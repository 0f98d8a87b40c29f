package fi.palaute.domain.survey;

/** The kinds of contact point an event may carry; a delivery channel needs one of them. */
public enum ContactPointKind {
    EMAIL,
    MOBILE
}
