package fi.palaute.application.port.in.consent;

import fi.palaute.domain.consent.Prohibition;

public sealed interface LiftProhibitionResult {

    /** The prohibition that was in force and is now lifted. */
    record Lifted(Prohibition was) implements LiftProhibitionResult {
    }

    record WasNotSet() implements LiftProhibitionResult {
    }
}
