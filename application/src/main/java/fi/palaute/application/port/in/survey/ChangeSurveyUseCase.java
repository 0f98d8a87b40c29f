package fi.palaute.application.port.in.survey;

/** Replaces a survey's definition and moves it along its life: draft → active ⇄ paused → closed. */
@FunctionalInterface
public interface ChangeSurveyUseCase {

    ChangeSurveyResult change(ChangeSurveyCommand command);
}
