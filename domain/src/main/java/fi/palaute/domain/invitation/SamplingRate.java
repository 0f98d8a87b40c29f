package fi.palaute.domain.invitation;

/**
 * The share of a channel's events a survey asks about, from 0 (none) to 1 (all). A double rather than per-mille,
 * so a team can ask one customer in ten thousand; the comparison in {@link Sampling} is exact either way.
 */
public record SamplingRate(double value) {

    public static final SamplingRate NONE = new SamplingRate(0);
    public static final SamplingRate ALL = new SamplingRate(1);

    public SamplingRate {
        if (!(value >= 0 && value <= 1)) { // written so that NaN fails too
            throw new IllegalArgumentException("sampling rate must be a number from 0 to 1");
        }
        value = value + 0.0; // -0.0 becomes 0.0, so equal rates are equal records
    }

    public static SamplingRate perMille(int perMille) {
        if (perMille < 0 || perMille > 1000) {
            throw new IllegalArgumentException("sampling rate must be 0-1000 per mille");
        }
        return new SamplingRate(perMille / 1000.0);
    }
}
