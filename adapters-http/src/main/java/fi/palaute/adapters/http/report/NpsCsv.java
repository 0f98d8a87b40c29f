package fi.palaute.adapters.http.report;

import fi.palaute.domain.report.Dimension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled). The header is {@code period}, the {@code by} dimensions, {@code answers},
 * {@code promoters_pct}, {@code passives_pct}, {@code detractors_pct}, {@code nps}, {@code margin},
 * {@code suppressed}; then one row per cell in the report's order. A suppressed cell's numbers are empty; a cell
 * with no answers has {@code answers} 0 and the other numbers empty.
 * <p>
 * Formula injection: dimension values come from outside (a controller's name is what an event source sent), and a
 * spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage
 * return) as a formula. Such a text value gets a leading apostrophe. Numbers are ours and are written as numbers:
 * an NPS of {@code -12.5} stays a number.
 */
public final class NpsCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final String CRLF = "\r\n";

    private NpsCsv() {
    }

    public static byte[] write(NpsReportView view) {
        StringBuilder csv = new StringBuilder(256 + 64 * view.rows().size());
        List<String> header = new ArrayList<>();
        header.add("period");
        view.query().by().forEach(dimension -> header.add(NpsReportView.fieldName(dimension)));
        header.addAll(List.of("answers", "promoters_pct", "passives_pct", "detractors_pct", "nps", "margin",
                "suppressed"));
        line(csv, header);
        for (NpsReportView.Row row : view.rows()) {
            List<String> fields = new ArrayList<>();
            fields.add(row.period().key());
            for (Dimension dimension : view.query().by()) {
                fields.add(text(row.values().getOrDefault(dimension, "")));
            }
            if (row.figures().isPresent()) {
                NpsReportView.Figures f = row.figures().get();
                fields.add(Long.toString(f.answers()));
                for (BigDecimal number : List.of(f.promoters(), f.passives(), f.detractors(), f.nps(), f.margin())) {
                    fields.add(number.toPlainString());
                }
                fields.add("false");
            } else {
                fields.add(row.noAnswers() ? "0" : "");
                for (int i = 0; i < 5; i++) {
                    fields.add("");
                }
                fields.add(Boolean.toString(row.suppressed()));
            }
            line(csv, fields);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code attachment; filename="nps-MONTH-2026-01-2026-11.csv"}: period keys hold only letters, digits, -. */
    public static String contentDisposition(NpsReportView view) {
        return "attachment; filename=\"nps-" + view.query().kind().name() + "-" + view.query().from().key() + "-"
                + view.query().to().key() + ".csv\"";
    }

    /** A text value from outside, defused so that no spreadsheet reads it as a formula. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(CRLF);
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
