package fi.palaute.domain.report;

/** What a report can break NPS down by, at most two at a time (R-REPORT). */
public enum Dimension {
    CHANNEL,
    SURVEY,
    CONTROLLER,
    LANGUAGE
}
