package fi.palaute.domain.survey;

/** The part of a template a violation is in. */
public enum TemplateField {
    SUBJECT,
    BODY
}
