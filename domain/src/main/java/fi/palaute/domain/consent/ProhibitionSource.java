package fi.palaute.domain.consent;

/** Through which door a prohibition change came in. */
public enum ProhibitionSource {
    MY_PROFILE,
    CUSTOMER_SERVICE,
    SURVEY_LINK
}
