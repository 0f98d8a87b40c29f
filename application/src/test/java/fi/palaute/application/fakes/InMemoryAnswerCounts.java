package fi.palaute.application.fakes;

import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.CountGrain;
import fi.palaute.domain.report.Dimension;
import java.util.ArrayList;
import java.util.List;

/** Counter cells a test puts in, already grouped the way a query will ask; records what was asked. */
public final class InMemoryAnswerCounts implements AnswerCountRepository {

    public record Asked(CountGrain grain, String fromKey, String toKey, List<Dimension> by) {
    }

    public final List<CountCell> cells = new ArrayList<>();
    public final List<Asked> asked = new ArrayList<>();

    @Override
    public List<CountCell> counts(CountGrain grain, String fromKey, String toKey, List<Dimension> by) {
        asked.add(new Asked(grain, fromKey, toKey, List.copyOf(by)));
        return cells.stream()
                .filter(cell -> cell.period().kind().grain() == grain)
                .filter(cell -> cell.period().key().compareTo(fromKey) >= 0 && cell.period().key().compareTo(toKey) <= 0)
                .filter(cell -> cell.values().keySet().equals(java.util.Set.copyOf(by)))
                .toList();
    }
}
