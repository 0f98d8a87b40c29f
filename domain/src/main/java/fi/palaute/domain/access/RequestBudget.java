package fi.palaute.domain.access;

/**
 * How many requests a key may make: a steady rate per second and a burst it may spend at once.
 * The default suits a partner or an agent's desk; an admin gives batch senders more.
 */
public record RequestBudget(int perSecond, int burst) {

    public static final RequestBudget DEFAULT = new RequestBudget(50, 200);
    public static final int MAX_PER_SECOND = 100_000;

    public RequestBudget {
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("perSecond must be between 1 and " + MAX_PER_SECOND);
        }
        if (burst < perSecond || burst > 10 * MAX_PER_SECOND) {
            throw new IllegalArgumentException("burst must be at least perSecond and at most " + 10 * MAX_PER_SECOND);
        }
    }
}
