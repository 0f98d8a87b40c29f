package fi.palaute.domain.access;

import java.util.Objects;

/**
 * A token bucket for one key: it holds up to {@code burst} tokens and refills at {@code perSecond}. Time comes in
 * as a parameter (nanoseconds from any fixed origin), so the rule is tested without waiting.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RequestBudget budget;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(RequestBudget budget, long nowNanos) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.tokens = budget.burst();
        this.lastRefillNanos = nowNanos;
    }

    public RequestBudget budget() {
        return budget;
    }

    /** Takes one token if there is one. */
    public synchronized Admission tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return new Admission(true, 0);
        }
        double secondsUntilOneToken = (1 - tokens) / budget.perSecond();
        long retryAfterSeconds = Math.max(1, (long) Math.ceil(secondsUntilOneToken));
        return new Admission(false, retryAfterSeconds);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(budget.burst(), tokens + (double) elapsed * budget.perSecond() / NANOS_PER_SECOND);
            lastRefillNanos = nowNanos;
        }
    }

    /** Whether a request may go ahead and, if not, in how many whole seconds to try again. */
    public record Admission(boolean admitted, long retryAfterSeconds) {
    }
}
