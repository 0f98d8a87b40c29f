package fi.palaute.domain.survey;

/** Where a survey's invitations come from: service events as they arrive, or a customer list the team chose. */
public enum SurveyKind {
    TRANSACTIONAL,
    STUDY
}
