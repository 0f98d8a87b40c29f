package fi.palaute.application.port.out;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.response.StoredAnswer;
import java.time.Instant;

/**
 * Answers (R-NPS, R-ANON). Anonymous answers are stored apart from identified ones, with nothing that links them
 * to a customer, an invitation or a time finer than their ISO week. No method returns a comment to anyone but the
 * follow-up team ({@link FollowUpRepository}).
 */
public interface AnswerRepository {

    void insert(StoredAnswer.IdentifiedAnswer answer);

    void insert(StoredAnswer.AnonymousAnswer answer);

    /**
     * Removes the customer and invitation of every identified answer given before {@code cutoff} that still has
     * them; the answer stays. Returns how many.
     */
    int deidentifyAnsweredBefore(Instant cutoff);

    /** Removes the customer and invitation of every answer of this customer (an erasure request); returns how many. */
    int deidentifyCustomer(CustomerId customer);
}
