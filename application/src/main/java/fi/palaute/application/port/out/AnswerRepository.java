package fi.palaute.application.port.out;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.IsoWeek;
import java.time.Instant;
import java.util.List;

/**
 * Answers (R-NPS, R-ANON). Anonymous answers are stored apart from identified ones, with nothing that links them
 * to a customer, an invitation or a time finer than their ISO week. No method returns a comment to anyone but the
 * follow-up team ({@link FollowUpRepository}).
 */
public interface AnswerRepository {

    /** Stores the answer and, in the same transaction, adds it to its week's and month's counters. */
    void insert(StoredAnswer.IdentifiedAnswer answer);

    /**
     * Stores many identified answers and their counts at once, in the caller's transaction: for generating a year of
     * demo answers or a benchmark's million, the same as inserting them one by one.
     */
    void insertAll(List<StoredAnswer.IdentifiedAnswer> answers);

    /**
     * Holds an anonymous answer back until {@link #releaseHeldAnonymousAnswers} moves it, with others, to where
     * answers are read. Written in the transaction that used the invitation, a row would share that transaction's
     * traces (PostgreSQL's xmin, the position it was written at) with the invitation; moved later in a batch by
     * another transaction, it shares them only with the batch.
     */
    void insert(StoredAnswer.AnonymousAnswer answer);

    /**
     * Moves every held anonymous answer, in one transaction, to the published answers when at least
     * {@code minimumBatch} are held or any of them is from a week before {@code currentWeek} (so a quiet survey's
     * answers wait at most until their week has ended), adding them to their week's and month's counters in the same
     * transaction (an anonymous answer counts in the month of its week's Thursday). Returns how many moved. Safe on several nodes at once: an
     * answer moves once.
     */
    int releaseHeldAnonymousAnswers(int minimumBatch, IsoWeek currentWeek);

    /**
     * Removes the customer and invitation of every identified answer given before {@code cutoff} that still has
     * them; the answer stays. Returns how many.
     */
    int deidentifyAnsweredBefore(Instant cutoff);

    /** Removes the customer and invitation of every answer of this customer (an erasure request); returns how many. */
    int deidentifyCustomer(CustomerId customer);
}
