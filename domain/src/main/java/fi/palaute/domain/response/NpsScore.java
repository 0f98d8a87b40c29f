package fi.palaute.domain.response;

/** An answer to the NPS question on its 0–10 scale. */
public record NpsScore(int value) {

    public static final int MIN = 0;
    public static final int MAX = 10;

    public NpsScore {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("score must be a whole number from " + MIN + " to " + MAX);
        }
    }

    /** Promoters 9–10, passives 7–8, detractors 0–6. */
    public NpsCategory category() {
        if (value >= 9) {
            return NpsCategory.PROMOTER;
        }
        if (value >= 7) {
            return NpsCategory.PASSIVE;
        }
        return NpsCategory.DETRACTOR;
    }
}
