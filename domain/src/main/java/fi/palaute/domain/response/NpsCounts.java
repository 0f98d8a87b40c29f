package fi.palaute.domain.response;

import java.util.Objects;

/** How many answers fell in each category: all a summary needs, and what a report adds up per cell. */
public record NpsCounts(long promoters, long passives, long detractors) {

    public static final NpsCounts NONE = new NpsCounts(0, 0, 0);

    public NpsCounts {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (promoters > Long.MAX_VALUE - passives - detractors) { // so n() cannot overflow
            throw new IllegalArgumentException("counts must add up to at most " + Long.MAX_VALUE);
        }
    }

    public static NpsCounts of(Iterable<NpsScore> scores) {
        NpsCounts counts = NONE;
        for (NpsScore score : scores) {
            counts = counts.plus(score);
        }
        return counts;
    }

    public NpsCounts plus(NpsScore score) {
        NpsCategory category = Objects.requireNonNull(score, "score").category();
        if (category == NpsCategory.PROMOTER) {
            return new NpsCounts(promoters + 1, passives, detractors);
        }
        if (category == NpsCategory.PASSIVE) {
            return new NpsCounts(promoters, passives + 1, detractors);
        }
        if (category == NpsCategory.DETRACTOR) {
            return new NpsCounts(promoters, passives, detractors + 1);
        }
        throw new IllegalStateException("unknown category " + category);
    }

    public NpsCounts plus(NpsCounts other) {
        Objects.requireNonNull(other, "other");
        if (other.n() > Long.MAX_VALUE - n()) {
            throw new IllegalArgumentException("counts must add up to at most " + Long.MAX_VALUE);
        }
        return new NpsCounts(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }

    /** The number of answers. */
    public long n() {
        return promoters + passives + detractors;
    }
}
