package fi.palaute.application.fakes;

import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers in lists; a de-identified answer keeps its row with the customer and invitation gone, as in SQL. */
public final class InMemoryAnswers implements AnswerRepository {

    /** An identified answer as stored: the customer link is empty once removed. */
    public record Row(StoredAnswer.IdentifiedAnswer answer, boolean linked) {
    }

    private final FakeTransactions transactions;
    public final List<Row> identified = new ArrayList<>();
    /** Held back until released, then published. */
    public final List<StoredAnswer.AnonymousAnswer> heldAnonymous = new ArrayList<>();
    public final List<StoredAnswer.AnonymousAnswer> anonymous = new ArrayList<>();

    public InMemoryAnswers(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(StoredAnswer.IdentifiedAnswer answer) {
        transactions.requireOpen();
        identified.add(new Row(answer, true));
    }

    @Override
    public void insertAll(List<StoredAnswer.IdentifiedAnswer> answers) {
        answers.forEach(this::insert);
    }

    @Override
    public void insert(StoredAnswer.AnonymousAnswer answer) {
        transactions.requireOpen();
        heldAnonymous.add(answer);
    }

    @Override
    public int releaseHeldAnonymousAnswers(int minimumBatch, IsoWeek currentWeek) {
        transactions.requireOpen();
        boolean weekEnded = heldAnonymous.stream().anyMatch(answer -> answer.week().compareTo(currentWeek) < 0);
        if (heldAnonymous.size() < minimumBatch && !weekEnded) {
            return 0;
        }
        int released = heldAnonymous.size();
        anonymous.addAll(heldAnonymous);
        heldAnonymous.clear();
        return released;
    }

    @Override
    public int deidentifyAnsweredBefore(Instant cutoff) {
        return unlinkWhere(row -> row.answer().answeredAt().isBefore(cutoff));
    }

    @Override
    public int deidentifyCustomer(CustomerId customer) {
        return unlinkWhere(row -> row.answer().customerId().equals(customer));
    }

    private int unlinkWhere(java.util.function.Predicate<Row> which) {
        transactions.requireOpen();
        int count = 0;
        for (int i = 0; i < identified.size(); i++) {
            Row row = identified.get(i);
            if (row.linked() && which.test(row)) {
                identified.set(i, new Row(row.answer(), false));
                count++;
            }
        }
        return count;
    }

    public Optional<Row> find(String answerId) {
        return identified.stream().filter(row -> row.answer().answerId().equals(answerId)).findFirst();
    }

    public StoredAnswer.IdentifiedAnswer onlyIdentified() {
        if (identified.size() != 1) {
            throw new AssertionError("expected one identified answer, found " + identified.size());
        }
        return identified.get(0).answer();
    }
}
