package fi.palaute.adapters.http.report;

import fi.palaute.domain.report.Dimension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a report, for the API and the dashboard's chart alike:
 * {@code {period, from, to, by, k, cells}}. A cell has {@code period}, the dimension values it has ({@code
 * "channel": "CHAT"}; none for a total), and either {@code "suppressed": true} and nothing else, or {@code
 * "suppressed": false} with {@code answers}, {@code promoters}, {@code passives}, {@code detractors} (percent),
 * {@code nps} and {@code margin} (the 95 % margin in NPS points), each with one decimal, or, with no answers in it,
 * {@code "suppressed": false, "answers": 0} and no figures.
 */
public record NpsReportJson(String period, String from, String to, List<String> by, int k,
        List<Map<String, Object>> cells) {

    public static NpsReportJson of(NpsReportView view) {
        return new NpsReportJson(view.query().kind().name(), view.query().from().key(), view.query().to().key(),
                view.query().by().stream().map(Dimension::name).toList(), view.k(),
                view.rows().stream().map(NpsReportJson::cell).toList());
    }

    private static Map<String, Object> cell(NpsReportView.Row row) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("period", row.period().key());
        row.values().forEach((dimension, value) -> cell.put(NpsReportView.fieldName(dimension), value));
        cell.put("suppressed", row.suppressed());
        if (row.noAnswers()) {
            cell.put("answers", 0);
        }
        row.figures().ifPresent(f -> {
            cell.put("answers", f.answers());
            cell.put("promoters", f.promoters());
            cell.put("passives", f.passives());
            cell.put("detractors", f.detractors());
            cell.put("nps", f.nps());
            cell.put("margin", f.margin());
        });
        return cell;
    }
}
