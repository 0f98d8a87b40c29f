package fi.palaute.adapters.http.dashboard;

import static fi.palaute.adapters.http.answer.Html.escape;

import fi.palaute.adapters.http.problem.InvalidParam;
import fi.palaute.adapters.http.report.NpsReportParams;
import fi.palaute.adapters.http.report.NpsReportView;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the dashboard's pages as HTML that works without JavaScript and under the strict Content-Security-Policy:
 * no inline script, no inline style, no {@code style} attribute, nothing from another host. The chart is the only
 * part that needs the script; the same figures are in a table rendered here. Every text that is not fixed markup
 * goes through {@code Html.escape}, dimension values included (a controller's name comes from an event source).
 */
final class DashboardPages {

    static final String LANG = "lang";
    static final String API_KEY = "apiKey";

    /** The breakdowns the form offers; a valid other one asked for in the address is added to the list. */
    static final List<List<Dimension>> OFFERED_BREAKDOWNS = List.of(
            List.of(),
            List.of(Dimension.CHANNEL),
            List.of(Dimension.LANGUAGE),
            List.of(Dimension.SURVEY),
            List.of(Dimension.CONTROLLER),
            List.of(Dimension.CHANNEL, Dimension.LANGUAGE),
            List.of(Dimension.CHANNEL, Dimension.SURVEY),
            List.of(Dimension.CHANNEL, Dimension.CONTROLLER));

    /** What the sign-in page says besides its form. */
    enum SignIn {
        FRESH, MISSING, REFUSED, CROSS_SITE
    }

    private DashboardPages() {
    }

    static byte[] signIn(Language language, SignIn state) {
        StringBuilder main = new StringBuilder();
        main.append("<h1 id=\"sign-in-title\">").append(t(DashboardText.SIGN_IN_TITLE, language)).append("</h1>\n");
        boolean wrong = state == SignIn.MISSING || state == SignIn.REFUSED;
        if (state != SignIn.FRESH) {
            DashboardText message = switch (state) {
                case MISSING -> DashboardText.SIGN_IN_MISSING;
                case REFUSED -> DashboardText.SIGN_IN_REFUSED;
                default -> DashboardText.CROSS_SITE_REFUSED;
            };
            main.append("<div class=\"error-summary\" id=\"sign-in-error\" role=\"alert\" tabindex=\"-1\" autofocus>\n")
                    .append("<p>").append(t(message, language)).append("</p>\n</div>\n");
        }
        main.append("<p>").append(t(DashboardText.SIGN_IN_INTRO, language)).append("</p>\n")
                .append("<form id=\"sign-in-form\" class=\"sign-in\" method=\"post\" action=\"")
                .append(DashboardRoutes.SIGN_IN).append("\" accept-charset=\"utf-8\">\n");
        hiddenLanguage(main, language);
        main.append("<div class=\"field").append(wrong ? " has-error" : "").append("\">\n")
                .append("<label for=\"api-key\">").append(t(DashboardText.API_KEY_LABEL, language)).append("</label>\n")
                .append("<p class=\"hint\" id=\"api-key-hint\">").append(t(DashboardText.API_KEY_HINT, language))
                .append("</p>\n")
                .append("<input type=\"password\" id=\"api-key\" name=\"").append(API_KEY)
                .append("\" autocomplete=\"off\" spellcheck=\"false\" required aria-describedby=\"api-key-hint")
                .append(wrong ? " sign-in-error" : "").append('"').append(wrong ? " aria-invalid=\"true\"" : "")
                .append(state == SignIn.FRESH ? " autofocus" : "").append(">\n</div>\n")
                .append("<button type=\"submit\" class=\"primary\" id=\"sign-in-button\">")
                .append(t(DashboardText.SIGN_IN_BUTTON, language)).append("</button>\n</form>\n");
        return layout(language, t(DashboardText.SIGN_IN_TITLE, language), Map.of(), false, false, main.toString());
    }

    /**
     * The signed-in page: the form, and when the parameters make a report, the chart and the table. With
     * {@code mistakes} it is the form again with what to correct, and no figures.
     */
    static byte[] dashboard(Language language, NpsReportParams.Raw raw, Optional<NpsReportView> view,
            List<InvalidParam> mistakes) {
        StringBuilder main = new StringBuilder();
        String title = t(DashboardText.DASHBOARD_TITLE, language);
        main.append("<h1 id=\"dashboard-title\">").append(title).append("</h1>\n");
        if (!mistakes.isEmpty()) {
            errorSummary(main, language, raw, mistakes);
        }
        reportForm(main, language, raw, view, mistakes);
        view.ifPresent(v -> {
            main.append("<p class=\"summary\" id=\"report-summary\">")
                    .append(escape(DashboardText.SUMMARY.format(language, v.k(), v.k()))).append("</p>\n");
            chart(main, language, v);
            table(main, language, v);
        });
        Map<String, String> query = new LinkedHashMap<>();
        raw.period().ifPresent(value -> query.put(NpsReportParams.PERIOD, value));
        raw.from().ifPresent(value -> query.put(NpsReportParams.FROM, value));
        raw.to().ifPresent(value -> query.put(NpsReportParams.TO, value));
        raw.by().ifPresent(value -> query.put(NpsReportParams.BY, value));
        return layout(language, (mistakes.isEmpty() ? "" : t(DashboardText.ERROR_SUMMARY_TITLE, language) + ": ")
                + title, query, true, view.isPresent(), main.toString());
    }

    static byte[] error(Language language, int status, Optional<String> errorId) {
        DashboardText title = status == 404 ? DashboardText.NOT_FOUND_TITLE
                : status == 429 ? DashboardText.TOO_MANY_TITLE : DashboardText.ERROR_TITLE;
        StringBuilder main = new StringBuilder();
        main.append("<h1>").append(t(title, language)).append("</h1>\n<p>")
                .append(t(status == 429 ? DashboardText.TOO_MANY_TEXT : DashboardText.ERROR_TEXT, language))
                .append("</p>\n");
        errorId.ifPresent(id -> main.append("<p class=\"error-id\">").append(t(DashboardText.ERROR_ID_LABEL, language))
                .append(": <code>").append(escape(id)).append("</code></p>\n"));
        main.append("<p><a href=\"").append(DashboardRoutes.PAGE).append("?lang=").append(language.code())
                .append("\">").append(t(DashboardText.BACK_TO_DASHBOARD, language)).append("</a></p>\n");
        return layout(language, t(title, language), Map.of(), false, false, main.toString());
    }

    // --- the form

    private static void reportForm(StringBuilder main, Language language, NpsReportParams.Raw raw,
            Optional<NpsReportView> view, List<InvalidParam> mistakes) {
        main.append("<form id=\"report-form\" class=\"report-form\" method=\"get\" action=\"")
                .append(DashboardRoutes.PAGE).append("\">\n");
        hiddenLanguage(main, language);
        main.append("<fieldset>\n<legend>").append(t(DashboardText.FORM_LEGEND, language)).append("</legend>\n")
                .append("<p class=\"hint\" id=\"period-hint\">").append(t(DashboardText.PERIOD_HINT, language))
                .append("</p>\n<div class=\"fields\">\n");

        String period = raw.period().orElse("");
        boolean periodWrong = wrong(mistakes, NpsReportParams.PERIOD);
        main.append("<div class=\"field").append(periodWrong ? " has-error" : "").append("\">\n")
                .append("<label for=\"period\">").append(t(DashboardText.PERIOD_LABEL, language)).append("</label>\n")
                .append("<select id=\"period\" name=\"period\"").append(invalid(periodWrong, "period")).append(">\n");
        for (PeriodKind kind : PeriodKind.values()) {
            main.append("<option value=\"").append(kind.name()).append('"')
                    .append(kind.name().equals(period) ? " selected" : "").append('>')
                    .append(t(kindText(kind), language)).append("</option>\n");
        }
        main.append("</select>\n");
        fieldError(main, language, raw, mistakes, NpsReportParams.PERIOD);
        main.append("</div>\n");

        textField(main, language, raw, mistakes, NpsReportParams.FROM, DashboardText.FROM_LABEL, raw.from().orElse(""));
        textField(main, language, raw, mistakes, NpsReportParams.TO, DashboardText.TO_LABEL, raw.to().orElse(""));

        boolean byWrong = wrong(mistakes, NpsReportParams.BY);
        String by = raw.by().orElse("");
        List<String> offered = new ArrayList<>();
        OFFERED_BREAKDOWNS.forEach(dimensions -> offered.add(NpsReportParams.byText(dimensions)));
        view.map(v -> NpsReportParams.byText(v.query().by())).filter(asked -> !offered.contains(asked))
                .ifPresent(offered::add);
        main.append("<div class=\"field").append(byWrong ? " has-error" : "").append("\">\n")
                .append("<label for=\"by\">").append(t(DashboardText.BY_LABEL, language)).append("</label>\n")
                .append("<select id=\"by\" name=\"by\"").append(invalid(byWrong, "by")).append(">\n");
        for (String option : offered) {
            main.append("<option value=\"").append(escape(option)).append('"')
                    .append(option.equals(by) ? " selected" : "").append('>')
                    .append(escape(breakdownLabel(language, option))).append("</option>\n");
        }
        main.append("</select>\n");
        fieldError(main, language, raw, mistakes, NpsReportParams.BY);
        main.append("</div>\n</div>\n</fieldset>\n")
                .append("<button type=\"submit\" class=\"primary\" id=\"show-button\">")
                .append(t(DashboardText.SHOW_BUTTON, language)).append("</button>\n</form>\n");
    }

    private static void textField(StringBuilder main, Language language, NpsReportParams.Raw raw,
            List<InvalidParam> mistakes, String name, DashboardText label, String value) {
        boolean isWrong = wrong(mistakes, name);
        main.append("<div class=\"field").append(isWrong ? " has-error" : "").append("\">\n")
                .append("<label for=\"").append(name).append("\">").append(t(label, language)).append("</label>\n")
                .append("<input type=\"text\" id=\"").append(name).append("\" name=\"").append(name)
                .append("\" value=\"").append(escape(value))
                .append("\" required maxlength=\"16\" size=\"10\" autocomplete=\"off\" spellcheck=\"false\"")
                .append(" aria-describedby=\"period-hint").append(isWrong ? " " + name + "-error" : "").append('"')
                .append(isWrong ? " aria-invalid=\"true\"" : "").append(">\n");
        fieldError(main, language, raw, mistakes, name);
        main.append("</div>\n");
    }

    private static String invalid(boolean isWrong, String name) {
        return isWrong ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "";
    }

    private static void fieldError(StringBuilder main, Language language, NpsReportParams.Raw raw,
            List<InvalidParam> mistakes, String name) {
        mistakes.stream().filter(m -> m.name().equals("query." + name)).findFirst().ifPresent(m ->
                main.append("<p class=\"field-error\" id=\"").append(name).append("-error\">")
                        .append(escape(message(language, raw, m))).append("</p>\n"));
    }

    private static void errorSummary(StringBuilder main, Language language, NpsReportParams.Raw raw,
            List<InvalidParam> mistakes) {
        main.append("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\""
                + " aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus>\n<h2 id=\"error-summary-title\">")
                .append(t(DashboardText.ERROR_SUMMARY_TITLE, language)).append("</h2>\n<ul>\n");
        for (InvalidParam mistake : mistakes) {
            String field = mistake.name().startsWith("query.") ? mistake.name().substring(6) : mistake.name();
            boolean onTheForm = NpsReportParams.NAMES.contains(field);
            main.append("<li>");
            if (onTheForm) {
                main.append("<a href=\"#").append(field).append("\">");
            }
            main.append(escape(message(language, raw, mistake)));
            if (onTheForm) {
                main.append("</a>");
            }
            main.append("</li>\n");
        }
        main.append("</ul>\n</div>\n");
    }

    /** A mistake in the reader's language; the API's reasons are English and name the parameter. */
    private static String message(Language language, NpsReportParams.Raw raw, InvalidParam mistake) {
        String field = mistake.name().startsWith("query.") ? mistake.name().substring(6) : mistake.name();
        String reason = mistake.reason();
        String label = switch (field) {
            case NpsReportParams.PERIOD -> DashboardText.PERIOD_LABEL.in(language);
            case NpsReportParams.FROM -> DashboardText.FROM_LABEL.in(language);
            case NpsReportParams.TO -> DashboardText.TO_LABEL.in(language);
            case NpsReportParams.BY -> DashboardText.BY_LABEL.in(language);
            default -> field;
        };
        if (reason.startsWith("must be given at most once")) {
            return DashboardText.MISTAKE_TWICE.format(language, label);
        }
        if (field.equals(NpsReportParams.PERIOD)) {
            return DashboardText.MISTAKE_PERIOD.in(language);
        }
        if (field.equals(NpsReportParams.BY)) {
            return DashboardText.MISTAKE_BY.in(language);
        }
        if (reason.startsWith("is required")) {
            return DashboardText.MISTAKE_REQUIRED.format(language, label);
        }
        if (reason.startsWith("must not come before")) {
            return DashboardText.MISTAKE_ORDER.in(language);
        }
        if (reason.startsWith("a report covers at most")) {
            return DashboardText.MISTAKE_RANGE.format(language, Period.MAX_RANGE);
        }
        Optional<PeriodKind> kind = raw.period().flatMap(text -> {
            for (PeriodKind k : PeriodKind.values()) {
                if (k.name().equals(text)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        });
        if (kind.isPresent()) {
            return DashboardText.MISTAKE_KEY.format(language, label, t(kindText(kind.get()), language)
                    .toLowerCase(java.util.Locale.ROOT), NpsReportParams.example(kind.get()));
        }
        return label + ": " + reason;
    }

    private static boolean wrong(List<InvalidParam> mistakes, String name) {
        return mistakes.stream().anyMatch(m -> m.name().equals("query." + name));
    }

    // --- the chart and the table

    /**
     * The canvas the script draws on. It reads everything from the canvas's {@code data-} attributes: where the
     * figures are ({@code data-source}, the JSON of the report), the dimensions, and the texts in the page's
     * language. Without the script the canvas shows its fallback text, and the table has every figure.
     */
    private static void chart(StringBuilder main, Language language, NpsReportView view) {
        Map<String, String> valueLabels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            valueLabels.put(channel.name(), channelName(language, channel));
        }
        for (Language each : Language.values()) {
            valueLabels.put(each.code(), languageName(language, each));
        }
        StringBuilder labelsJson = new StringBuilder("{");
        valueLabels.forEach((value, label) -> {
            if (labelsJson.length() > 1) {
                labelsJson.append(',');
            }
            labelsJson.append(jsonString(value)).append(':').append(jsonString(label));
        });
        labelsJson.append('}');

        String query = NpsReportParams.queryString(view.query());
        main.append("<section class=\"chart\" id=\"chart-section\" aria-labelledby=\"chart-title\">\n")
                .append("<h2 id=\"chart-title\">").append(t(DashboardText.CHART_TITLE, language)).append("</h2>\n")
                .append("<p class=\"hint\" id=\"chart-note\">").append(t(DashboardText.CHART_NOTE, language))
                .append("</p>\n<div class=\"chart-box\">\n")
                .append("<canvas id=\"nps-chart\" role=\"img\" aria-label=\"").append(t(DashboardText.CHART_LABEL, language))
                .append("\" aria-describedby=\"chart-note\"")
                .append(" data-source=\"").append(escape(DashboardRoutes.DATA + "?" + query)).append('"')
                .append(" data-by=\"").append(escape(NpsReportParams.byText(view.query().by()))).append('"')
                .append(" data-locale=\"").append(locale(language)).append('"')
                .append(" data-total-label=\"").append(t(DashboardText.ALL, language)).append('"')
                .append(" data-band-label=\"").append(t(DashboardText.BAND_LABEL, language)).append('"')
                .append(" data-answers-label=\"").append(t(DashboardText.ANSWERS_SHORT, language)).append('"')
                .append(" data-suppressed-label=\"").append(t(DashboardText.SUPPRESSED, language)).append('"')
                .append(" data-loading-text=\"").append(t(DashboardText.CHART_LOADING, language)).append('"')
                .append(" data-failed-text=\"").append(t(DashboardText.CHART_FAILED, language)).append('"')
                .append(" data-empty-text=\"").append(t(DashboardText.CHART_EMPTY, language)).append('"')
                .append(" data-value-labels=\"").append(escape(labelsJson.toString())).append('"')
                .append(" data-ready=\"false\">")
                .append(t(DashboardText.CHART_FALLBACK, language)).append("</canvas>\n</div>\n")
                .append("<p class=\"chart-status\" id=\"chart-status\" role=\"status\" aria-live=\"polite\"></p>\n")
                .append("</section>\n");
    }

    private static void table(StringBuilder main, Language language, NpsReportView view) {
        String query = NpsReportParams.queryString(view.query());
        List<Dimension> by = view.query().by();
        main.append("<section class=\"figures\" id=\"figures-section\" aria-labelledby=\"table-title\">\n")
                .append("<h2 id=\"table-title\">").append(t(DashboardText.TABLE_TITLE, language)).append("</h2>\n")
                .append("<p class=\"download\"><a id=\"csv-link\" href=\"")
                .append(escape(DashboardRoutes.CSV + "?" + query)).append("\" download>")
                .append(t(DashboardText.CSV_LINK, language)).append("</a></p>\n");
        if (view.rows().isEmpty()) {
            main.append("<p id=\"no-cells\">").append(t(DashboardText.NO_CELLS, language)).append("</p>\n</section>\n");
            return;
        }
        String caption = DashboardText.TABLE_CAPTION.format(language,
                t(kindText(view.query().kind()), language).toLowerCase(java.util.Locale.ROOT),
                view.query().from().key(), view.query().to().key())
                + (by.isEmpty() ? "" : ", " + breakdownLabel(language, NpsReportParams.byText(by)).toLowerCase(
                        java.util.Locale.ROOT));
        main.append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"nps-table-caption\" tabindex=\"0\">\n")
                .append("<table id=\"nps-table\">\n<caption id=\"nps-table-caption\">").append(escape(caption))
                .append("</caption>\n<thead>\n<tr>\n<th scope=\"col\">").append(t(DashboardText.COLUMN_PERIOD, language))
                .append("</th>\n");
        for (Dimension dimension : by) {
            main.append("<th scope=\"col\">").append(t(dimensionText(dimension), language)).append("</th>\n");
        }
        for (DashboardText column : List.of(DashboardText.COLUMN_ANSWERS, DashboardText.COLUMN_PROMOTERS,
                DashboardText.COLUMN_PASSIVES, DashboardText.COLUMN_DETRACTORS, DashboardText.COLUMN_NPS,
                DashboardText.COLUMN_MARGIN)) {
            main.append("<th scope=\"col\" class=\"num\">").append(t(column, language)).append("</th>\n");
        }
        main.append("</tr>\n</thead>\n<tbody>\n");
        for (NpsReportView.Row row : view.rows()) {
            main.append("<tr class=\"").append(row.isTotal() ? "total" : "breakdown")
                    .append(row.suppressed() ? " suppressed" : "").append("\" data-period=\"")
                    .append(escape(row.period().key())).append('"');
            row.values().forEach((dimension, value) -> main.append(" data-").append(NpsReportView.fieldName(dimension))
                    .append("=\"").append(escape(value)).append('"'));
            main.append(" data-suppressed=\"").append(row.suppressed()).append("\">\n<th scope=\"row\">")
                    .append(escape(row.period().key())).append("</th>\n");
            for (Dimension dimension : by) {
                String value = row.values().get(dimension);
                main.append("<td>").append(escape(value == null ? DashboardText.ALL.in(language)
                        : valueLabel(language, dimension, value))).append("</td>\n");
            }
            if (row.figures().isPresent()) {
                NpsReportView.Figures f = row.figures().get();
                main.append("<td class=\"num\">").append(f.answers()).append("</td>\n");
                for (BigDecimal number : List.of(f.promoters(), f.passives(), f.detractors(), f.nps())) {
                    main.append("<td class=\"num\">").append(number(language, number)).append("</td>\n");
                }
                main.append("<td class=\"num\">±").append(number(language, f.margin())).append("</td>\n");
            } else if (row.noAnswers()) {
                main.append("<td class=\"num\">0</td>\n<td class=\"num suppressed-note\" colspan=\"5\">")
                        .append(t(DashboardText.NO_ANSWERS, language)).append("</td>\n");
            } else {
                main.append("<td class=\"num suppressed-note\" colspan=\"6\">")
                        .append(t(DashboardText.SUPPRESSED, language)).append("</td>\n");
            }
            main.append("</tr>\n");
        }
        main.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    // --- the frame

    /**
     * The frame of every page. Language links keep the report's parameters and change only {@code lang}; the
     * sign-out form appears on the signed-in page. Scripts are loaded only where there is a chart to draw.
     */
    private static byte[] layout(Language language, String title, Map<String, String> query, boolean signedIn,
            boolean withChart, String main) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.code()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(title)).append(" – ").append(t(DashboardText.BRAND, language))
                .append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(DashboardRoutes.STYLESHEET).append("\">\n");
        if (withChart) {
            html.append("<script src=\"").append(DashboardRoutes.CHART_JS).append("\" defer></script>\n")
                    .append("<script src=\"").append(DashboardRoutes.SCRIPT).append("\" defer></script>\n");
        }
        html.append("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">").append(t(DashboardText.SKIP_LINK, language))
                .append("</a>\n<header class=\"top\">\n<p class=\"brand\">").append(t(DashboardText.BRAND, language))
                .append("</p>\n<nav class=\"languages\" aria-label=\"")
                .append(t(DashboardText.LANGUAGE_NAVIGATION, language)).append("\">\n<ul>\n");
        for (Language other : Language.values()) {
            String name = t(DashboardText.LANGUAGE_NAME, other);
            if (other == language) {
                html.append("<li><span aria-current=\"true\">").append(name).append("</span></li>\n");
            } else {
                html.append("<li><a href=\"").append(escape(DashboardRoutes.PAGE + "?" + languageQuery(query, other)))
                        .append("\" hreflang=\"").append(other.code()).append("\" lang=\"").append(other.code())
                        .append("\">").append(name).append("</a></li>\n");
            }
        }
        html.append("</ul>\n</nav>\n");
        if (signedIn) {
            html.append("<form id=\"sign-out-form\" class=\"sign-out\" method=\"post\" action=\"")
                    .append(DashboardRoutes.SIGN_OUT).append("\">\n");
            hiddenLanguage(html, language);
            html.append("<button type=\"submit\" class=\"secondary\" id=\"sign-out-button\">")
                    .append(t(DashboardText.SIGN_OUT, language)).append("</button>\n</form>\n");
        }
        html.append("</header>\n<main id=\"main\" tabindex=\"-1\">\n").append(main).append("</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String languageQuery(Map<String, String> query, Language language) {
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> text.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return text.append(LANG).append('=').append(language.code()).toString();
    }

    private static void hiddenLanguage(StringBuilder html, Language language) {
        html.append("<input type=\"hidden\" name=\"").append(LANG).append("\" value=\"").append(language.code())
                .append("\">\n");
    }

    // --- words

    private static String t(DashboardText text, Language language) {
        return escape(text.in(language));
    }

    static String breakdownLabel(Language language, String byText) {
        if (byText.isEmpty()) {
            return DashboardText.BY_NONE.in(language);
        }
        List<String> names = new ArrayList<>();
        for (String name : byText.split(",")) {
            names.add(dimensionText(Dimension.valueOf(name)).in(language));
        }
        return names.size() == 1 ? names.get(0)
                : DashboardText.BY_AND.format(language, names.get(0), names.get(1).toLowerCase(java.util.Locale.ROOT));
    }

    private static DashboardText kindText(PeriodKind kind) {
        return switch (kind) {
            case ISO_WEEK -> DashboardText.KIND_ISO_WEEK;
            case MONTH -> DashboardText.KIND_MONTH;
            case QUARTER -> DashboardText.KIND_QUARTER;
            case YEAR -> DashboardText.KIND_YEAR;
        };
    }

    private static DashboardText dimensionText(Dimension dimension) {
        return switch (dimension) {
            case CHANNEL -> DashboardText.DIMENSION_CHANNEL;
            case SURVEY -> DashboardText.DIMENSION_SURVEY;
            case CONTROLLER -> DashboardText.DIMENSION_CONTROLLER;
            case LANGUAGE -> DashboardText.DIMENSION_LANGUAGE;
        };
    }

    /** A channel's or language's name in the page's language; other values (surveys, controllers) as they are. */
    private static String valueLabel(Language language, Dimension dimension, String value) {
        if (dimension == Dimension.CHANNEL) {
            for (Channel channel : Channel.values()) {
                if (channel.name().equals(value)) {
                    return channelName(language, channel);
                }
            }
        }
        if (dimension == Dimension.LANGUAGE) {
            for (Language each : Language.values()) {
                if (each.code().equals(value)) {
                    return languageName(language, each);
                }
            }
        }
        return value;
    }

    private static String channelName(Language language, Channel channel) {
        return DashboardText.valueOf("CHANNEL_" + channel.name()).in(language);
    }

    private static String languageName(Language language, Language named) {
        return DashboardText.valueOf("LANGUAGE_" + named.name()).in(language);
    }

    private static String locale(Language language) {
        return switch (language) {
            case FI -> "fi-FI";
            case SV -> "sv-FI";
            case EN -> "en-GB";
        };
    }

    /** One decimal, with the decimal comma in Finnish and Swedish. */
    private static String number(Language language, BigDecimal value) {
        String text = value.toPlainString();
        return language == Language.EN ? text : text.replace('.', ',');
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
