package fi.palaute.application.port.in.invitation;

/** R-TRIGGER for studies: the list goes through the checks from PROHIBITED on, as events do. */
@FunctionalInterface
public interface StartStudyUseCase {

    StartStudyResult start(StartStudyCommand command);
}
