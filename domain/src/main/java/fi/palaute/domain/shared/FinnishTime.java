package fi.palaute.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The bank's calendar: days, weeks and months are Finnish ones (R-REPORT, the funnel, the SMS window). */
public final class FinnishTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private FinnishTime() {
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
