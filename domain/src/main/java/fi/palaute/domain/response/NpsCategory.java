package fi.palaute.domain.response;

/** Where a score puts the respondent (R-NPS). */
public enum NpsCategory {
    PROMOTER,
    PASSIVE,
    DETRACTOR
}
