package fi.palaute.adapters.http.dashboard;

import fi.palaute.domain.survey.Language;
import java.util.Locale;

/**
 * Everything the dashboard says, in Finnish, Swedish and English; each constant must give all three. Plain text
 * only: the pages escape every text. {@code %s} marks a value filled in with {@link #format}.
 */
enum DashboardText {
    LANGUAGE_NAME("Suomi", "Svenska", "English"),
    LANGUAGE_NAVIGATION("Kieli", "Språk", "Language"),
    BRAND("OP Palaute", "OP Palaute", "OP Palaute"),
    SKIP_LINK("Siirry sisältöön", "Gå till innehållet", "Skip to content"),

    SIGN_IN_TITLE("Kirjaudu NPS-näkymään", "Logga in i NPS-översikten", "Sign in to the NPS dashboard"),
    SIGN_IN_INTRO("Näkymä on analyytikoille. Kirjaudu ANALYST-roolin API-avaimella. Avain vaihdetaan istuntoon,"
            + " eikä sitä tallenneta selaimeen.",
            "Översikten är för analytiker. Logga in med en API-nyckel med rollen ANALYST. Nyckeln byts mot en"
                    + " session och sparas inte i webbläsaren.",
            "The dashboard is for analysts. Sign in with an API key of the role ANALYST. The key is exchanged for a"
                    + " session and is not kept in the browser."),
    API_KEY_LABEL("API-avain", "API-nyckel", "API key"),
    API_KEY_HINT("Liitä avain kokonaisuudessaan. Se alkaa yleensä pal_.",
            "Klistra in hela nyckeln. Den börjar oftast med pal_.",
            "Paste the whole key. It usually starts with pal_."),
    SIGN_IN_BUTTON("Kirjaudu", "Logga in", "Sign in"),
    SIGN_IN_MISSING("Anna API-avain.", "Ange API-nyckeln.", "Enter the API key."),
    SIGN_IN_REFUSED("Kirjautuminen ei onnistunut. Tarkista, että avain on voimassa oleva analyytikon avain.",
            "Inloggningen misslyckades. Kontrollera att nyckeln är en giltig analytikernyckel.",
            "Signing in failed. Check that the key is a valid analyst's key."),
    CROSS_SITE_REFUSED("Pyyntö tuli toiselta sivustolta, eikä sitä käsitelty.",
            "Begäran kom från en annan webbplats och behandlades inte.",
            "The request came from another site and was not carried out."),
    ERROR_SUMMARY_TITLE("Korjaa nämä kohdat", "Rätta till följande", "Please correct the following"),
    SIGN_OUT("Kirjaudu ulos", "Logga ut", "Sign out"),

    DASHBOARD_TITLE("NPS kanavittain", "NPS per kanal", "NPS by channel"),
    FORM_LEGEND("Raportti", "Rapport", "Report"),
    PERIOD_LABEL("Jakso", "Period", "Period"),
    FROM_LABEL("Ensimmäinen jakso", "Första perioden", "First period"),
    TO_LABEL("Viimeinen jakso", "Sista perioden", "Last period"),
    PERIOD_HINT("Raportit kattavat kokonaisia jaksoja: viikko 2026-W48, kuukausi 2026-11, neljännes 2026-Q4,"
            + " vuosi 2026.",
            "Rapporterna täcker hela perioder: vecka 2026-W48, månad 2026-11, kvartal 2026-Q4, år 2026.",
            "Reports cover whole periods: week 2026-W48, month 2026-11, quarter 2026-Q4, year 2026."),
    BY_LABEL("Jaottelu", "Indelning", "Breakdown"),
    BY_NONE("Ei jaottelua (kokonais-NPS)", "Ingen indelning (total NPS)", "None (total NPS)"),
    BY_AND("%s ja %s", "%s och %s", "%s and %s"),
    SHOW_BUTTON("Näytä", "Visa", "Show"),
    KIND_ISO_WEEK("Viikko", "Vecka", "Week"),
    KIND_MONTH("Kuukausi", "Månad", "Month"),
    KIND_QUARTER("Neljännes", "Kvartal", "Quarter"),
    KIND_YEAR("Vuosi", "År", "Year"),
    DIMENSION_CHANNEL("Kanava", "Kanal", "Channel"),
    DIMENSION_SURVEY("Kysely", "Enkät", "Survey"),
    DIMENSION_CONTROLLER("Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"),
    DIMENSION_LANGUAGE("Kieli", "Språk", "Language"),

    MISTAKE_PERIOD("Valitse jakson tyyppi: viikko, kuukausi, neljännes tai vuosi.",
            "Välj typ av period: vecka, månad, kvartal eller år.",
            "Choose the kind of period: week, month, quarter or year."),
    MISTAKE_KEY("%s: raportit kattavat kokonaisia jaksoja, ja %s kirjoitetaan muodossa %s. Vapaita"
            + " päivämääräväliä ei tarjota.",
            "%s: rapporterna täcker hela perioder, och %s skrivs som %s. Fria datumintervall erbjuds inte.",
            "%s: reports cover whole periods, and a %s looks like %s. Free date ranges are not offered."),
    MISTAKE_REQUIRED("%s puuttuu.", "%s saknas.", "%s is missing."),
    MISTAKE_ORDER("Viimeinen jakso ei voi olla ennen ensimmäistä.", "Den sista perioden kan inte komma före den"
            + " första.", "The last period cannot come before the first."),
    MISTAKE_RANGE("Raportti kattaa enintään %s jaksoa. Valitse lyhyempi väli tai pidempi jakso.",
            "En rapport täcker högst %s perioder. Välj ett kortare intervall eller en längre period.",
            "A report covers at most %s periods. Choose a shorter range or a longer period."),
    MISTAKE_BY("Valitse enintään kaksi eri jaottelua.", "Välj högst två olika indelningar.",
            "Choose at most two different breakdowns."),
    MISTAKE_TWICE("%s on annettu kahdesti.", "%s har angetts två gånger.", "%s was given twice."),

    SUMMARY("Kynnys k = %s: solu, jossa on alle %s vastausta, piilotetaan, samoin solu, josta piilotettu luku"
            + " voitaisiin laskea.",
            "Tröskel k = %s: en cell med färre än %s svar döljs, liksom en cell som ett dolt tal kunde räknas ut ur.",
            "Threshold k = %s: a cell with fewer than %s answers is suppressed, and so is a cell a suppressed figure"
                    + " could be worked out from."),
    CHART_TITLE("NPS ajan mittaan", "NPS över tid", "NPS over time"),
    CHART_NOTE("Viiva on NPS ja varjostettu alue sen 95 %:n virhemarginaali. Katkos viivassa on piilotettu"
            + " jakso. Samat luvut ovat taulukossa kaavion alla.",
            "Linjen är NPS och det skuggade området dess felmarginal på 95 %. Ett avbrott i linjen är en dold period."
                    + " Samma tal finns i tabellen under diagrammet.",
            "The line is the NPS and the shaded band its 95 % margin of error. A gap in a line is a suppressed"
                    + " period. The same figures are in the table below the chart."),
    CHART_LABEL("NPS-kaavio. Luvut ovat taulukossa kaavion alla.",
            "NPS-diagram. Talen finns i tabellen under diagrammet.",
            "NPS chart. The figures are in the table below the chart."),
    CHART_FALLBACK("Kaavio tarvitsee JavaScriptin. Luvut ovat taulukossa alla.",
            "Diagrammet kräver JavaScript. Talen finns i tabellen nedan.",
            "The chart needs JavaScript. The figures are in the table below."),
    CHART_LOADING("Ladataan kaaviota…", "Diagrammet laddas…", "Loading the chart…"),
    CHART_FAILED("Kaaviota ei voitu ladata. Luvut ovat taulukossa.",
            "Diagrammet kunde inte laddas. Talen finns i tabellen.",
            "The chart could not be loaded. The figures are in the table."),
    CHART_EMPTY("Kaikki solut on piilotettu tai tyhjiä: piirrettävää ei ole.",
            "Alla celler är dolda eller tomma: det finns inget att rita.",
            "Every cell is suppressed or empty: there is nothing to draw."),
    BAND_LABEL("95 %:n virhemarginaali", "Felmarginal 95 %", "95 % margin of error"),
    ANSWERS_SHORT("vastausta", "svar", "answers"),
    TABLE_TITLE("Luvut", "Tal", "Figures"),
    TABLE_CAPTION("NPS, %s %s–%s", "NPS, %s %s–%s", "NPS, %s %s–%s"),
    TABLE_REGION("Taulukko, vieritettävä", "Tabell, kan rullas", "Table, scrollable"),
    CSV_LINK("Lataa luvut CSV-tiedostona", "Ladda ner talen som CSV-fil", "Download the figures as CSV"),
    COLUMN_PERIOD("Jakso", "Period", "Period"),
    COLUMN_ANSWERS("Vastauksia", "Svar", "Answers"),
    COLUMN_PROMOTERS("Suosittelijat %", "Förespråkare %", "Promoters %"),
    COLUMN_PASSIVES("Passiiviset %", "Passiva %", "Passives %"),
    COLUMN_DETRACTORS("Arvostelijat %", "Kritiker %", "Detractors %"),
    COLUMN_NPS("NPS", "NPS", "NPS"),
    COLUMN_MARGIN("Virhemarginaali ±", "Felmarginal ±", "Margin ±"),
    ALL("Kaikki", "Alla", "All"),
    SUPPRESSED("Piilotettu: liian vähän vastauksia", "Dold: för få svar", "Suppressed: too few answers"),
    NO_ANSWERS("Ei vastauksia tältä jaksolta", "Inga svar för perioden", "No answers in this period"),
    NO_CELLS("Raportissa ei ole soluja.", "Rapporten har inga celler.", "The report has no cells."),

    CHANNEL_BRANCH("Konttori", "Kontor", "Branch"),
    CHANNEL_PHONE_SERVICE("Puhelinpalvelu", "Telefontjänst", "Phone service"),
    CHANNEL_CHAT("Chat", "Chatt", "Chat"),
    CHANNEL_ONLINE_BANK("Verkkopankki", "Nätbanken", "Online bank"),
    CHANNEL_MOBILE_APP("Mobiilisovellus", "Mobilappen", "Mobile app"),
    LANGUAGE_FI("suomi", "finska", "Finnish"),
    LANGUAGE_SV("ruotsi", "svenska", "Swedish"),
    LANGUAGE_EN("englanti", "engelska", "English"),

    ERROR_TITLE("Jokin meni vikaan", "Något gick fel", "Something went wrong"),
    ERROR_TEXT("Pyyntöä ei voitu käsitellä.", "Begäran kunde inte behandlas.", "The request could not be handled."),
    ERROR_ID_LABEL("Virhetunnus", "Felkod", "Error id"),
    NOT_FOUND_TITLE("Sivua ei löydy", "Sidan finns inte", "There is nothing here"),
    TOO_MANY_TITLE("Liian monta pyyntöä", "För många förfrågningar", "Too many requests"),
    TOO_MANY_TEXT("Avaimen pyyntökiintiö on käytetty. Yritä hetken kuluttua uudelleen.",
            "Nyckelns kvot av förfrågningar är förbrukad. Försök igen om en stund.",
            "The key's request budget is used up. Try again in a moment."),
    BACK_TO_DASHBOARD("Takaisin NPS-näkymään", "Tillbaka till NPS-översikten", "Back to the NPS dashboard");

    private final String finnish;
    private final String swedish;
    private final String english;

    DashboardText(String finnish, String swedish, String english) {
        this.finnish = finnish;
        this.swedish = swedish;
        this.english = english;
    }

    String in(Language language) {
        return switch (language) {
            case FI -> finnish;
            case SV -> swedish;
            case EN -> english;
        };
    }

    String format(Language language, Object... values) {
        return String.format(Locale.ROOT, in(language), values);
    }
}
