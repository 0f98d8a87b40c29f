package fi.palaute.application.port.in.consent;

import fi.palaute.domain.consent.Prohibition;

/** Both outcomes carry the prohibition now in force; only {@link NewlySet} wrote anything. */
public sealed interface SetProhibitionResult {

    Prohibition prohibition();

    record NewlySet(Prohibition prohibition) implements SetProhibitionResult {
    }

    record AlreadySet(Prohibition prohibition) implements SetProhibitionResult {
    }
}
