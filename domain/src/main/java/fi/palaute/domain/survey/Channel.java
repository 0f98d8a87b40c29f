package fi.palaute.domain.survey;

/** The service channels a survey can listen to: where the customer completed the matter. A closed list. */
public enum Channel {
    BRANCH,
    PHONE_SERVICE,
    CHAT,
    ONLINE_BANK,
    MOBILE_APP
}
