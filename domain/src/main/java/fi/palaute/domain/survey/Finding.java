package fi.palaute.domain.survey;

/** Something a check found, as a range [start, end) of the folded text. */
record Finding(int start, int end, TemplateViolationCode code, String message) {

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    boolean overlaps(Finding other) {
        return overlaps(other.start, other.end);
    }
}
