package fi.palaute.domain.response;

import java.util.Objects;

/**
 * The NPS figures of a set of answers (R-NPS, R-REPORT). With no answers there is no NPS at all, which is
 * {@link NoAnswers} rather than a NaN that would print as a number. Figures are exact doubles; rounding is for
 * whoever displays them. Whether a cell is large enough to show is a reporting rule (R-KANON), not this one's.
 */
public sealed interface NpsSummary {

    long n();

    static NpsSummary of(NpsCounts counts) {
        Objects.requireNonNull(counts, "counts");
        return counts.n() == 0 ? new NoAnswers() : new Measured(counts);
    }

    record NoAnswers() implements NpsSummary {
        @Override
        public long n() {
            return 0;
        }
    }

    /** At least one answer. Percentages are 0–100, NPS −100–100. */
    record Measured(NpsCounts counts) implements NpsSummary {

        private static final double Z_95 = 1.96;

        public Measured {
            Objects.requireNonNull(counts, "counts");
            if (counts.n() == 0) {
                throw new IllegalArgumentException("a measured summary needs at least one answer");
            }
        }

        @Override
        public long n() {
            return counts.n();
        }

        public double promoterPercent() {
            return 100.0 * counts.promoters() / n();
        }

        public double passivePercent() {
            return 100.0 * counts.passives() / n();
        }

        public double detractorPercent() {
            return 100.0 * counts.detractors() / n();
        }

        /** % promoters − % detractors, from the counts so the three shares' rounding does not add up. */
        public double nps() {
            return 100.0 * (counts.promoters() - counts.detractors()) / n();
        }

        /**
         * The 95 % margin of error in NPS points: 1.96 × 100 × sqrt((p + d − (p − d)²) / n), p and d the promoter
         * and detractor shares. Zero when every answer is in one category, which for n = 1 is always: the formula
         * says nothing about tiny samples, and reports suppress them (R-KANON).
         */
        public double marginOfError() {
            double p = (double) counts.promoters() / n();
            double d = (double) counts.detractors() / n();
            double variance = Math.max(0, p + d - (p - d) * (p - d)); // never below 0 by rounding
            return Z_95 * 100 * Math.sqrt(variance / n());
        }
    }
}
