package fi.palaute.domain.consent;

public enum ProhibitionAction {
    SET,
    LIFTED
}
