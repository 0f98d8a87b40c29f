package fi.palaute.application.fakes;

import fi.palaute.application.port.out.FunnelRepository;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class InMemoryFunnel implements FunnelRepository {

    private final FakeTransactions transactions;
    private final Map<String, Long> counts = new TreeMap<>();

    public InMemoryFunnel(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(List<FunnelCount> added) {
        transactions.requireOpen();
        for (FunnelCount c : added) {
            counts.merge(c.surveyId().value() + "|" + c.day() + "|" + c.step().ordinal(), c.count(), Long::sum);
        }
    }

    @Override
    public List<FunnelCount> find(SurveyId surveyId, LocalDate from, LocalDate to) {
        List<FunnelCount> found = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|");
            LocalDate day = LocalDate.parse(parts[1]);
            if (parts[0].equals(surveyId.value()) && !day.isBefore(from) && !day.isAfter(to)) {
                found.add(new FunnelCount(surveyId, day, FunnelStep.values()[Integer.parseInt(parts[2])], count));
            }
        });
        return found;
    }

    /** The total for one step across every survey and day. */
    public long total(FunnelStep step) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().endsWith("|" + step.ordinal()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
