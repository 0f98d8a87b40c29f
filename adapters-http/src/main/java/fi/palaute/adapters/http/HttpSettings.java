package fi.palaute.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * @param maxBodyBytes   larger request bodies are refused with 413 (the spec's default is 256 KiB)
 * @param stopGrace      how long requests in flight may take to finish when the server stops
 * @param nanoTime       the clock of the request budgets; {@code System::nanoTime} outside tests
 * @param clock          the wall clock: a dashboard session cookie's lifetime and the dashboard's default periods
 */
public record HttpSettings(long maxBodyBytes, Duration stopGrace, LongSupplier nanoTime, Clock clock) {

    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(stopGrace, "stopGrace");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(clock, "clock");
    }

    /** With the system's clock. */
    public HttpSettings(long maxBodyBytes, Duration stopGrace, LongSupplier nanoTime) {
        this(maxBodyBytes, stopGrace, nanoTime, Clock.systemUTC());
    }
}
