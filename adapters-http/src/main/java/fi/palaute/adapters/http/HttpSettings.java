package fi.palaute.adapters.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * @param maxBodyBytes   larger request bodies are refused with 413 (the spec's default is 256 KiB)
 * @param stopGrace      how long requests in flight may take to finish when the server stops
 * @param nanoTime       the clock of the request budgets; {@code System::nanoTime} outside tests
 */
public record HttpSettings(long maxBodyBytes, Duration stopGrace, LongSupplier nanoTime) {

    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(stopGrace, "stopGrace");
        Objects.requireNonNull(nanoTime, "nanoTime");
    }
}
