package fi.palaute.application.port.in.survey;

@FunctionalInterface
public interface CreateSurveyUseCase {

    CreateSurveyResult create(CreateSurveyCommand command);
}
