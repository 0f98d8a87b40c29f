package fi.palaute.application.port.in.consent;

/** R-OPTOUT: a customer prohibits surveys. Idempotent: setting what is set changes nothing. */
@FunctionalInterface
public interface SetProhibitionUseCase {

    SetProhibitionResult set(SetProhibitionCommand command);
}
