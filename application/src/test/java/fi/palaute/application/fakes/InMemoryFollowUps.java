package fi.palaute.application.fakes;

import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.survey.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Follow-ups in a list, viewed through the answers fake as the SQL joins them. */
public final class InMemoryFollowUps implements FollowUpRepository {

    private final FakeTransactions transactions;
    private final InMemoryAnswers answers;
    public final List<FollowUp> followUps = new ArrayList<>();

    public InMemoryFollowUps(FakeTransactions transactions, InMemoryAnswers answers) {
        this.transactions = transactions;
        this.answers = answers;
    }

    @Override
    public void insert(FollowUp followUp) {
        transactions.requireOpen();
        followUps.add(followUp);
    }

    @Override
    public Optional<FollowUpView> find(String followUpId) {
        return followUps.stream().filter(f -> f.id().equals(followUpId)).findFirst().map(this::view);
    }

    @Override
    public List<FollowUpView> list(Optional<Channel> channel, Optional<FollowUpState> state, Optional<String> afterId,
            int limit) {
        return followUps.stream()
                .filter(f -> channel.isEmpty() || f.channel().equals(channel))
                .filter(f -> state.isEmpty() || f.state() == state.get())
                .filter(f -> afterId.isEmpty() || f.id().compareTo(afterId.get()) > 0)
                .sorted(Comparator.comparing(FollowUp::id))
                .limit(limit)
                .map(this::view)
                .toList();
    }

    @Override
    public boolean take(String followUpId, AgentId agent, Instant at) {
        return change(f -> f.id().equals(followUpId) && f.state() == FollowUpState.OPEN,
                f -> moved(f, FollowUpState.TAKEN, Optional.of(agent), Optional.empty(), at)) == 1;
    }

    @Override
    public boolean close(String followUpId, FollowUpOutcome outcome, Instant at) {
        return change(f -> f.id().equals(followUpId) && f.state().isActive(),
                f -> moved(f, FollowUpState.CLOSED, f.takenBy(), Optional.of(outcome), at)) == 1;
    }

    @Override
    public int cancelActiveOfCustomer(CustomerId customer, Instant at) {
        return change(f -> f.state().isActive() && customerOf(f).filter(customer::equals).isPresent(),
                f -> moved(f, FollowUpState.CANCELLED, f.takenBy(), Optional.empty(), at));
    }

    @Override
    public int cancelActiveOpenedBefore(Instant cutoff, Instant at) {
        return change(f -> f.state().isActive() && f.openedAt().isBefore(cutoff),
                f -> moved(f, FollowUpState.CANCELLED, f.takenBy(), Optional.empty(), at));
    }

    @Override
    public int deleteOfCustomer(CustomerId customer) {
        transactions.requireOpen();
        int before = followUps.size();
        followUps.removeIf(f -> customerOf(f).filter(customer::equals).isPresent());
        return before - followUps.size();
    }

    private int change(Predicate<FollowUp> which, java.util.function.UnaryOperator<FollowUp> how) {
        transactions.requireOpen();
        int count = 0;
        for (int i = 0; i < followUps.size(); i++) {
            if (which.test(followUps.get(i))) {
                followUps.set(i, how.apply(followUps.get(i)));
                count++;
            }
        }
        return count;
    }

    private static FollowUp moved(FollowUp f, FollowUpState state, Optional<AgentId> takenBy,
            Optional<FollowUpOutcome> outcome, Instant at) {
        return new FollowUp(f.id(), f.answerId(), f.surveyId(), f.channel(), state, takenBy, outcome, f.openedAt(), at);
    }

    private Optional<CustomerId> customerOf(FollowUp f) {
        return answers.find(f.answerId()).filter(InMemoryAnswers.Row::linked).map(row -> row.answer().customerId());
    }

    private FollowUpView view(FollowUp f) {
        InMemoryAnswers.Row row = answers.find(f.answerId()).orElseThrow();
        return new FollowUpView(f, customerOf(f), row.answer().score(),
                row.answer().comment().map(ScrubbedComment::text), row.answer().context().language());
    }
}
