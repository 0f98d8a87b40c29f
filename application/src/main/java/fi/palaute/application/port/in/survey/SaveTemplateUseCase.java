package fi.palaute.application.port.in.survey;

/** Checks a template by R-TEMPLATE and stores it, replacing the survey's template in the same slot. */
@FunctionalInterface
public interface SaveTemplateUseCase {

    SaveTemplateResult save(SaveTemplateCommand command);
}
