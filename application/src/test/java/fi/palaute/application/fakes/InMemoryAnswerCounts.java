package fi.palaute.application.fakes;

import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import java.util.ArrayList;
import java.util.List;

/** Counter cells a test puts in, already grouped the way a query will ask; records what was asked. */
public final class InMemoryAnswerCounts implements AnswerCountRepository {

    public record Asked(Period fromWeek, Period toWeek, List<Dimension> by) {
    }

    public final List<CountCell> cells = new ArrayList<>();
    public final List<Asked> asked = new ArrayList<>();

    @Override
    public List<CountCell> counts(Period fromWeek, Period toWeek, List<Dimension> by) {
        asked.add(new Asked(fromWeek, toWeek, List.copyOf(by)));
        return cells.stream()
                .filter(cell -> cell.part().week().compareTo(fromWeek) >= 0 && cell.part().week().compareTo(toWeek) <= 0)
                .filter(cell -> cell.values().keySet().equals(java.util.Set.copyOf(by)))
                .toList();
    }
}
