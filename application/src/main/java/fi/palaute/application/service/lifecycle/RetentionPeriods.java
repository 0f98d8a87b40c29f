package fi.palaute.application.service.lifecycle;

import java.time.Period;
import java.util.Objects;

/** How long the customer link of an identified answer and an audit entry are kept (SPEC, Retention). */
public record RetentionPeriods(Period answerCustomerLink, Period auditLog) {

    public static final RetentionPeriods DEFAULT = new RetentionPeriods(Period.ofMonths(24), Period.ofYears(5));

    public RetentionPeriods {
        Objects.requireNonNull(answerCustomerLink, "answerCustomerLink");
        Objects.requireNonNull(auditLog, "auditLog");
        if (answerCustomerLink.isNegative() || answerCustomerLink.isZero()
                || auditLog.isNegative() || auditLog.isZero()) {
            throw new IllegalArgumentException("retention periods must be positive");
        }
    }
}
