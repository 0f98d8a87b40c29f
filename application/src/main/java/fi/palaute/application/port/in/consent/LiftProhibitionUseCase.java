package fi.palaute.application.port.in.consent;

/** R-OPTOUT: My Profile or customer service lifts a prohibition. Lifting what is not set changes nothing. */
@FunctionalInterface
public interface LiftProhibitionUseCase {

    LiftProhibitionResult lift(LiftProhibitionCommand command);
}
