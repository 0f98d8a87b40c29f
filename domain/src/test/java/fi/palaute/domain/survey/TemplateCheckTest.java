package fi.palaute.domain.survey;

import static fi.palaute.domain.survey.TemplateViolationCode.ASKS_FOR_BANKING_CODES;
import static fi.palaute.domain.survey.TemplateViolationCode.ASKS_FOR_CARD_DATA;
import static fi.palaute.domain.survey.TemplateViolationCode.ASKS_FOR_PERSONAL_IDENTITY_NUMBER;
import static fi.palaute.domain.survey.TemplateViolationCode.ASKS_TO_LOG_IN;
import static fi.palaute.domain.survey.TemplateViolationCode.BODY_MISSING;
import static fi.palaute.domain.survey.TemplateViolationCode.FOREIGN_LINK;
import static fi.palaute.domain.survey.TemplateViolationCode.HIDDEN_CHARACTER;
import static fi.palaute.domain.survey.TemplateViolationCode.LINK_MARKUP;
import static fi.palaute.domain.survey.TemplateViolationCode.PLACEHOLDER_ALTERED;
import static fi.palaute.domain.survey.TemplateViolationCode.PLACEHOLDER_IN_SUBJECT;
import static fi.palaute.domain.survey.TemplateViolationCode.PLACEHOLDER_MISSING;
import static fi.palaute.domain.survey.TemplateViolationCode.PLACEHOLDER_REPEATED;
import static fi.palaute.domain.survey.TemplateViolationCode.SUBJECT_MISSING;
import static fi.palaute.domain.survey.TemplateViolationCode.SUBJECT_NOT_ALLOWED;
import static fi.palaute.domain.survey.TemplateViolationCode.TOO_LONG;
import static fi.palaute.domain.survey.TemplateViolationCode.UNKNOWN_PLACEHOLDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.survey.TemplateCheckResult.Refused;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R-TEMPLATE, as tables: templates refused (each with its exact codes and the text each violation must quote) and
 * templates accepted, in Finnish, Swedish and English.
 */
class TemplateCheckTest {

    private static final String LINK = SurveyLinkPlaceholder.TOKEN;

    /** One expected violation: its code, the field it is in, and text its fragment must contain. */
    record Expected(TemplateField field, TemplateViolationCode code, String quoted) {
    }

    /** A template to check. The language is the template's own; it picks the subject and the notice in tests. */
    record Template(Language language, TemplateChannel channel, String subject, String body) {

        TemplateCheckResult check() {
            return TemplateCheck.check(channel, subject, body);
        }

        Template withNotice() {
            return new Template(language, channel, subject, NeverAsksForCodesNotice.appendTo(body, language));
        }

        @Override
        public String toString() {
            String shown = (subject == null || subject.isEmpty() ? "" : "[" + subject + "] ") + body;
            shown = shown.replace("\n", "⏎");
            return language.code() + " " + channel + ": "
                    + (shown.length() > 90 ? shown.substring(0, 89) + "…" : shown);
        }
    }

    private static String subjectIn(Language language) {
        return switch (language) {
            case FI -> "Miten onnistuimme?";
            case SV -> "Hur lyckades vi?";
            case EN -> "How did we do?";
        };
    }

    private static Template email(Language language, String body) {
        return new Template(language, TemplateChannel.EMAIL, subjectIn(language), body);
    }

    private static Template sms(Language language, String body) {
        return new Template(language, TemplateChannel.SMS, null, body);
    }

    private static Expected in(TemplateViolationCode code, String quoted) {
        return new Expected(TemplateField.BODY, code, quoted);
    }

    private static Expected inSubject(TemplateViolationCode code, String quoted) {
        return new Expected(TemplateField.SUBJECT, code, quoted);
    }

    private static Arguments refused(Template template, Expected... expected) {
        return Arguments.of(template, List.of(expected));
    }

    private static Arguments refused(Language language, String body, Expected... expected) {
        return refused(email(language, body), expected);
    }

    // ---- refused ----------------------------------------------------------------------------------------------

    static Stream<Arguments> links() {
        return Stream.of(
                refused(Language.FI, "Vastaa kyselyyn: " + LINK + " tai osoitteessa https://op-fi.com/login",
                        in(FOREIGN_LINK, "https://op-fi.com/login")),
                refused(Language.FI, "Vastaa: " + LINK + " Lisätietoa op-fi.com/login",
                        in(FOREIGN_LINK, "op-fi.com/login")),
                refused(Language.FI, "Vastaa: " + LINK + " Katso myös op.fi.", in(FOREIGN_LINK, "op.fi")),
                refused(Language.FI, "Vastaa: " + LINK + " tai 0p.fi", in(FOREIGN_LINK, "0p.fi")),
                refused(Language.FI, "Vastaa: " + LINK + " tai op-pankki.fi", in(FOREIGN_LINK, "op-pankki.fi")),
                refused(Language.FI, "Vastaa: " + LINK + " tai οp.fi", // Greek omicron
                        in(FOREIGN_LINK, "οp.fi")),
                refused(Language.FI, "Vastaa: " + LINK + " tai оп.фи", // Cyrillic, no Latin top-level domain
                        in(FOREIGN_LINK, "оп.фи")),
                refused(Language.FI, "Vastaa: " + LINK + " tai ｏｐ．ｆｉ", // full-width
                        in(FOREIGN_LINK, "ｏｐ．ｆｉ")),
                refused(Language.FI, "Vastaa: " + LINK + " tai op[.]fi", in(FOREIGN_LINK, "op[.]fi")),
                refused(Language.FI, "Vastaa lyhyesti: " + LINK + " (op dot fi)", in(FOREIGN_LINK, "op dot fi")),
                refused(Language.FI, "Vastaa: " + LINK + " tai www.op.fi", in(FOREIGN_LINK, "www.op.fi")),
                refused(Language.FI, "Vastaa: " + LINK + " tai soita tel:+358100500",
                        in(FOREIGN_LINK, "tel:+358100500")),
                refused(Language.FI, "Vastaa: " + LINK + " tai http://192.168.10.20/kysely",
                        in(FOREIGN_LINK, "http://192.168.10.20/kysely")),
                refused(Language.FI, "Vastaa: " + LINK + " op\u200B.fi", // a zero-width space inside
                        in(HIDDEN_CHARACTER, "op[U+200B].fi"), in(FOREIGN_LINK, ".fi")),
                refused(Language.FI, "Vastaa [tästä](" + LINK + ")", in(LINK_MARKUP, "[tästä](" + LINK + ")")),
                refused(Language.SV, "Svara: " + LINK + " eller 10.0.0.1/enkat", in(FOREIGN_LINK, "10.0.0.1/enkat")),
                refused(Language.SV, "Svara: " + LINK + " eller https://[2001:db8::1]/enkat",
                        in(FOREIGN_LINK, "https://[2001:db8::1]/enkat")),
                refused(Language.SV, "Svara: " + LINK + " eller [::1]", in(FOREIGN_LINK, "[::1]")),
                refused(Language.SV, "Svara: " + LINK + " eller bit.ly/op-enkat", in(FOREIGN_LINK, "bit.ly/op-enkat")),
                refused(Language.SV, "Svara: " + LINK + " eller tinyurl.com/op2025",
                        in(FOREIGN_LINK, "tinyurl.com/op2025")),
                refused(Language.SV, "Svara: " + LINK + " eller is.gd/opx", in(FOREIGN_LINK, "is.gd/opx")),
                refused(Language.SV, "Svara: " + LINK + " eller skriv till mailto:kundtjanst@op.fi",
                        in(FOREIGN_LINK, "mailto:kundtjanst@op.fi")),
                refused(Language.SV, "Svara: " + LINK + " Frågor? kundtjanst@op.fi",
                        in(FOREIGN_LINK, "kundtjanst@op.fi")),
                refused(Language.SV, "Svara: " + LINK + " eller op。fi", in(FOREIGN_LINK, "op。fi")),
                refused(Language.SV, "Svara: " + LINK + " [Logga in](https://op-fi.com)", // the login words are in it
                        in(LINK_MARKUP, "[Logga in](https://op-fi.com)")),
                refused(Language.EN, "Answer: " + LINK + " or https://op.fi", in(FOREIGN_LINK, "https://op.fi")),
                refused(Language.EN, "Answer: " + LINK + " or t.co/abc123", in(FOREIGN_LINK, "t.co/abc123")),
                refused(Language.EN, "Answer: " + LINK + " or goo.gl/xyz", in(FOREIGN_LINK, "goo.gl/xyz")),
                refused(Language.EN, "Answer: " + LINK + " or ow.ly/abc", in(FOREIGN_LINK, "ow.ly/abc")),
                refused(Language.EN, "Answer: " + LINK + " or hxxp://op-fi.com/verify",
                        in(FOREIGN_LINK, "hxxp://op-fi.com/verify")),
                refused(Language.EN, "Answer: " + LINK + " or http [:] // op-fi.com",
                        in(FOREIGN_LINK, "http [:] // op-fi.com")),
                refused(Language.EN, "Answer: " + LINK + " or visit op(dot)fi", in(FOREIGN_LINK, "op(dot)fi")),
                refused(Language.EN, "Answer: " + LINK + " or xn--p-0fa.fi", in(FOREIGN_LINK, "xn--p-0fa.fi")),
                refused(Language.EN, "Answer: " + LINK + " or 10[.]0[.]0[.]1", in(FOREIGN_LINK, "10[.]0[.]0[.]1")),
                refused(Language.EN, "Answer <a href=\"" + LINK + "\">here</a>",
                        in(LINK_MARKUP, "<a href=\"" + LINK + "\">here</a>")),
                refused(Language.EN, "Answer: " + LINK + " \u202Eif.po", // text shown right to left
                        in(HIDDEN_CHARACTER, "[U+202E]if.po")));
    }

    static Stream<Arguments> placeholders() {
        return Stream.of(
                refused(Language.FI, "Kiitos asioinnistasi! Vastaa kyselyyn pian.",
                        in(PLACEHOLDER_MISSING, "Kiitos asioinnistasi!")),
                refused(Language.FI, "Vastaa: op" + LINK, in(PLACEHOLDER_ALTERED, "op" + LINK)),
                refused(Language.FI, "Hei {{etunimi}}! Vastaa: " + LINK, in(UNKNOWN_PLACEHOLDER, "{{etunimi}}")),
                refused(Language.FI, "   \n ", in(BODY_MISSING, "")),
                refused(Language.SV, "Svara: " + LINK + " eller här: " + LINK, in(PLACEHOLDER_REPEATED, LINK)),
                refused(Language.SV, "Svara: https://" + LINK, in(FOREIGN_LINK, "https://" + LINK)),
                refused(Language.SV, "Svara: {{surveylink}}",
                        in(PLACEHOLDER_MISSING, "Svara:"), in(UNKNOWN_PLACEHOLDER, "{{surveylink}}")),
                refused(Language.EN, "Answer: " + LINK + "/login", in(PLACEHOLDER_ALTERED, LINK + "/login")),
                refused(Language.EN, "Answer: " + LINK + ".evil.com", in(FOREIGN_LINK, LINK + ".evil.com")),
                refused(Language.EN, "Answer: {{ surveyLink }}",
                        in(PLACEHOLDER_MISSING, "Answer:"), in(UNKNOWN_PLACEHOLDER, "{{ surveyLink }}")));
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                refused(Language.FI, "Kirjaudu verkkopankkitunnuksillasi: " + LINK,
                        in(ASKS_TO_LOG_IN, "Kirjaudu"), in(ASKS_FOR_BANKING_CODES, "verkkopankkitunnuksillasi")),
                refused(Language.FI, "Vastaa kyselyyn: " + LINK + ". Anna henkilötunnuksesi vastauksen yhteydessä.",
                        in(ASKS_FOR_PERSONAL_IDENTITY_NUMBER, "henkilötunnuksesi")),
                refused(Language.FI, "Vastaa: " + LINK + " Syötä kortin numero ja CVV-koodi.",
                        in(ASKS_FOR_CARD_DATA, "kortin numero")),
                refused(Language.FI, "Vastaa " + LINK + " ja kerro luottokorttisi numero.",
                        in(ASKS_FOR_CARD_DATA, "luottokorttisi numero")),
                refused(Language.FI, "Vahvista tunnuslukusi ja avainlukulistasi: " + LINK,
                        in(ASKS_FOR_BANKING_CODES, "tunnuslukusi")),
                refused(Language.FI, "Tunnistaudu pankkitunnuksilla ennen vastaamista: " + LINK,
                        in(ASKS_TO_LOG_IN, "Tunnistaudu"), in(ASKS_FOR_BANKING_CODES, "pankkitunnuksilla")),
                refused(Language.FI, "OP ei koskaan pyydä kirjautumaan linkin kautta: " + LINK, // negated, but a link
                        in(ASKS_TO_LOG_IN, "kirjautumaan")),
                refused(Language.FI, "Kirjaudu sisään, ei jonoa: " + LINK, in(ASKS_TO_LOG_IN, "Kirjaudu sisään")),
                refused(Language.FI, "Emme pyydä tunnuksia, mutta anna tunnuslukusi tähän: " + LINK,
                        in(ASKS_FOR_BANKING_CODES, "anna tunnuslukusi")),
                refused(Language.FI, "Älä unohda antaa tunnuslukuasi: " + LINK,
                        in(ASKS_FOR_BANKING_CODES, "tunnuslukuasi")),
                refused(Language.FI, "Vastaa: " + LINK + ". Ange ditt kortnummer.", // Swedish in a Finnish template
                        in(ASKS_FOR_CARD_DATA, "kortnummer")),
                refused(Language.SV, "Logga in med dina bankkoder: " + LINK,
                        in(ASKS_TO_LOG_IN, "Logga in"), in(ASKS_FOR_BANKING_CODES, "bankkoder")),
                refused(Language.SV, "Svara: " + LINK + ". Ange ditt personnummer.",
                        in(ASKS_FOR_PERSONAL_IDENTITY_NUMBER, "personnummer")),
                refused(Language.SV, "Svara: " + LINK + ". Bekräfta din personbeteckning.",
                        in(ASKS_FOR_PERSONAL_IDENTITY_NUMBER, "personbeteckning")),
                refused(Language.SV, "Svara: " + LINK + ". Ange kortnummer och CVC.",
                        in(ASKS_FOR_CARD_DATA, "kortnummer och CVC")),
                refused(Language.SV, "Uppge dina nätbankskoder för att svara: " + LINK,
                        in(ASKS_FOR_BANKING_CODES, "nätbankskoder")),
                refused(Language.SV, "Glöm inte att ange din pinkod: " + LINK, in(ASKS_FOR_BANKING_CODES, "pinkod")),
                refused(Language.SV, "Vi ber aldrig om koder, men ange din kod här: " + LINK,
                        in(ASKS_FOR_BANKING_CODES, "ange din kod")),
                refused(Language.SV, "Identifiera dig med BankID: " + LINK,
                        in(ASKS_TO_LOG_IN, "Identifiera dig"), in(ASKS_FOR_BANKING_CODES, "BankID")),
                refused(Language.SV, "Svara: " + LINK + ". Please log in with your online banking codes.", // English
                        in(ASKS_TO_LOG_IN, "log in"), in(ASKS_FOR_BANKING_CODES, "online banking codes")),
                refused(Language.EN, "Log in with your banking codes: " + LINK,
                        in(ASKS_TO_LOG_IN, "Log in"), in(ASKS_FOR_BANKING_CODES, "banking codes")),
                refused(Language.EN, "Answer: " + LINK + ". Enter your card number and expiry date.",
                        in(ASKS_FOR_CARD_DATA, "card number")),
                refused(Language.EN, "Answer: " + LINK + ". Please confirm your social security number.",
                        in(ASKS_FOR_PERSONAL_IDENTITY_NUMBER, "social security number")),
                refused(Language.EN, "To answer, sign in with your password: " + LINK,
                        in(ASKS_TO_LOG_IN, "sign in"), in(ASKS_FOR_BANKING_CODES, "password")),
                refused(Language.EN, "Don't forget to enter your PIN: " + LINK, in(ASKS_FOR_BANKING_CODES, "PIN")),
                refused(Language.EN, "We never share your data. Please enter your card details: " + LINK,
                        in(ASKS_FOR_CARD_DATA, "card details")),
                refused(Language.EN, "We do not want you to miss out: verify your identity " + LINK,
                        in(ASKS_TO_LOG_IN, "verify your identity")),
                refused(Language.EN, "Answer: " + LINK + ". Reply to this SMS with your personal identity number.",
                        in(ASKS_FOR_PERSONAL_IDENTITY_NUMBER, "personal identity number")),
                refused(Language.EN, "We never ask for codes, but please log in here: " + LINK,
                        in(ASKS_TO_LOG_IN, "log in here")),
                // a negation elsewhere does not excuse an imperative aimed at the codes
                refused(Language.FI, "Emme pyydä tunnuksia, anna siis tunnuslukusi. " + LINK,
                        in(ASKS_FOR_BANKING_CODES, "anna siis tunnuslukusi")),
                refused(Language.SV, "Vi delar aldrig dina uppgifter, så ange ditt personnummer. " + LINK,
                        in(ASKS_FOR_PERSONAL_IDENTITY_NUMBER, "ange ditt personnummer")),
                refused(Language.EN, "We never share your data, so enter your card number. " + LINK,
                        in(ASKS_FOR_CARD_DATA, "enter your card number")));
    }

    static Stream<Arguments> limits() {
        String sms = "Vastaa kyselyyn: " + LINK + " " + "Kiitos! ".repeat(60); // 512 characters
        return Stream.of(
                refused(sms(Language.FI, sms), in(TOO_LONG, "Kiitos!")),
                refused(email(Language.EN, "Answer: " + LINK + " " + "Thank you! ".repeat(181) + "The end."),
                        in(TOO_LONG, "The end.")),
                refused(new Template(Language.SV, TemplateChannel.SMS, "Enkät", "Svara: " + LINK),
                        inSubject(SUBJECT_NOT_ALLOWED, "Enkät")),
                refused(new Template(Language.FI, TemplateChannel.EMAIL, " ", "Vastaa: " + LINK),
                        inSubject(SUBJECT_MISSING, "")),
                refused(new Template(Language.EN, TemplateChannel.EMAIL,
                        "How did we do? ".repeat(13) + "Okay. Tell us!", // 209 characters, the limit after "Okay."
                        "Answer: " + LINK), inSubject(TOO_LONG, "Tell us!")),
                refused(new Template(Language.FI, TemplateChannel.EMAIL, "Vastaa: " + LINK, "Vastaa: " + LINK),
                        inSubject(PLACEHOLDER_IN_SUBJECT, LINK)),
                refused(new Template(Language.FI, TemplateChannel.EMAIL, "Tärkeää: kirjaudu op-fi.com",
                        "Vastaa: " + LINK),
                        inSubject(FOREIGN_LINK, "op-fi.com"), inSubject(ASKS_TO_LOG_IN, "kirjaudu")),
                refused(new Template(Language.SV, TemplateChannel.EMAIL, "Bekräfta dina bankkoder",
                        "Svara: " + LINK),
                        inSubject(ASKS_FOR_BANKING_CODES, "bankkoder")));
    }

    static Stream<Arguments> refusedTemplates() {
        return Stream.of(links(), placeholders(), requests(), limits()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTemplates")
    void refusesNamingEveryOffendingPart(Template template, List<Expected> expected) {
        TemplateCheckResult result = template.check();

        assertFalse(result.isValid(), "should be refused");
        assertTrue(result instanceof Refused);
        assertEquals(sortedCodes(expected.stream().map(Expected::code)),
                sortedCodes(result.violations().stream().map(TemplateViolation::code)), () -> shown(result));
        for (Expected e : expected) {
            assertTrue(result.violations().stream().anyMatch(v -> v.code() == e.code() && v.field() == e.field()
                            && v.fragment().contains(e.quoted())),
                    () -> e + " not named in " + shown(result));
        }
    }

    /**
     * The notice ends every invitation with "never"; that must not make an earlier request or link acceptable.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource({"links", "requests"})
    void theNoticeDoesNotExcuseARequestOrALink(Template template, List<Expected> expected) {
        TemplateCheckResult result = template.withNotice().check();

        assertEquals(sortedCodes(expected.stream().map(Expected::code)),
                sortedCodes(result.violations().stream().map(TemplateViolation::code)), () -> shown(result));
    }

    // ---- accepted ---------------------------------------------------------------------------------------------

    static Stream<Template> acceptedTemplates() {
        return Stream.of(
                email(Language.FI, "Hei! Kiitos asioinnistasi OP:n chatissa. Vastaa lyhyeen kyselyyn: " + LINK),
                email(Language.FI, "Hyvä asiakas,\n\nkiitos, että asioit kanssamme konttorissa. Haluaisimme kuulla,"
                        + " kuinka onnistuimme. Vastaaminen vie noin kaksi minuuttia, eikä siihen tarvita"
                        + " verkkopankkitunnuksia.\n\nVastaa kyselyyn: " + LINK + "\n\nLinkki on voimassa 14 päivää."
                        + "\n\nYstävällisin terveisin\nOP Ryhmä"),
                email(Language.FI, "Kyselyyn vastaaminen ei vaadi kirjautumista: " + LINK),
                email(Language.FI, "Vastaa kyselyyn kirjautumatta: " + LINK
                        + " Emme koskaan kysy henkilötunnustasi, korttitietojasi tai pankkitunnuksiasi."),
                sms(Language.FI, "OP: Kiitos käynnistä konttorissa 7.5. Vastaa 2 min kyselyyn " + LINK
                        + " Linkki on voimassa 14 pv."),
                email(Language.FI, "Vastaa esim. puhelimella klo 8.00–20.00 välillä: " + LINK
                        + " Kysyttävää? Soita 010 252 0000."),
                email(Language.SV, "Hej! Tack för att du besökte OP:s kontor. Svara på en kort enkät: " + LINK),
                email(Language.SV, "Bästa kund,\n\ntack för att du kontaktade vår telefontjänst. Det tar ungefär två"
                        + " minuter och du behöver inte dina nätbankskoder.\n\nSvara på enkäten: " + LINK
                        + "\n\nMed vänliga hälsningar\nOP Gruppen"),
                email(Language.SV, "Du behöver inte logga in för att svara: " + LINK),
                email(Language.SV, "Enkäten är anonym. Ingen inloggning krävs: " + LINK
                        + " Vi ber aldrig om ditt personnummer eller dina kortuppgifter."),
                sms(Language.SV, "OP: Svara t.ex. i mobilen senast den 31.5. kl. 20.00, bl.a. om din upplevelse: "
                        + LINK),
                email(Language.EN, "Hi! Thank you for contacting OP. Please answer a short survey: " + LINK),
                email(Language.EN, "Dear customer,\n\nthank you for using OP's mobile app. It takes about two"
                        + " minutes, and you don't need your online banking codes.\n\nAnswer the survey here: " + LINK
                        + "\n\nKind regards,\nOP Financial Group"),
                email(Language.EN, "You do not need to log in to answer: " + LINK),
                email(Language.EN, "No login is required: " + LINK
                        + " We will never ask for your card number, PIN or personal identity number."),
                sms(Language.EN, "OP: How did we do today? Answer in 2 min, e.g. on your phone: " + LINK
                        + " (open until 31 May)"),
                sms(Language.EN, "Thank you! Tack! Kiitos! 👨‍👩‍👧 <" + LINK + ">"),
                // warnings that name what is never asked for, with the imperative negated
                email(Language.FI, "Vastaa: " + LINK + "\nÄlä koskaan anna tunnuslukujasi kenellekään."),
                email(Language.SV, "Svara: " + LINK + "\nAnge aldrig din kod via en länk. Vi ber dig aldrig att"
                        + " ange ditt personnummer."),
                email(Language.EN, "Answer: " + LINK + "\nNever enter your card details on a page you reached"
                        + " through a link. OP will never ask you to give your PIN."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedTemplates")
    void acceptsRealisticInvitations(Template template) {
        TemplateCheckResult result = template.check();

        assertTrue(result.isValid(), () -> shown(result));
        assertEquals(List.of(), result.violations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedTemplates")
    void acceptedInvitationsStayValidWithTheNoticeAppended(Template template) {
        Template rendered = template.withNotice();

        assertTrue(rendered.body().endsWith(NeverAsksForCodesNotice.text(template.language())));
        assertTrue(rendered.check().isValid(), () -> shown(rendered.check()));
    }

    // ---- the notice -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Language.class)
    void theNoticeItselfPassesTheCheck(Language language) {
        String notice = NeverAsksForCodesNotice.text(language);

        assertTrue(TemplateCheck.check(TemplateChannel.SMS, null, notice + " " + LINK).isValid());
        assertTrue(TemplateCheck.check(TemplateChannel.EMAIL, notice, LINK + "\n" + notice).isValid());
    }

    @Test
    void theNoticeSaysWhatTheSeedPromisesInEachLanguage() {
        assertEquals("OP ei koskaan pyydä verkkopankkitunnuksia linkin kautta.",
                NeverAsksForCodesNotice.text(Language.FI));
        assertEquals("OP ber aldrig om nätbankskoder via en länk.", NeverAsksForCodesNotice.text(Language.SV));
        assertEquals("OP never asks for your online banking codes through a link.",
                NeverAsksForCodesNotice.text(Language.EN));
        assertEquals("Vastaa: x\n\nOP ber aldrig om nätbankskoder via en länk.",
                NeverAsksForCodesNotice.appendTo("Vastaa: x\n", Language.SV));
    }

    /** Without its "never", each notice is a request: the negation is what lets it pass. */
    @ParameterizedTest
    @MethodSource("noticesWithoutNever")
    void theNoticeWithoutItsNegationIsRefused(String request) {
        TemplateCheckResult result = TemplateCheck.check(TemplateChannel.SMS, null, request + " " + LINK);

        assertEquals(List.of(ASKS_FOR_BANKING_CODES),
                result.violations().stream().map(TemplateViolation::code).collect(Collectors.toList()));
    }

    static Stream<String> noticesWithoutNever() {
        return Stream.of("OP pyytää verkkopankkitunnuksia linkin kautta.", "OP ber om nätbankskoder via en länk.",
                "OP asks for your online banking codes through a link.");
    }

    // ---- limits -----------------------------------------------------------------------------------------------

    @Test
    void anSmsBodyMayHave480CharactersCountedAsAPersonWould() {
        String emoji = "🙂"; // two chars in Java, one character to a reader
        String body = LINK + " " + emoji.repeat(480 - LINK.length() - 1);
        assertEquals(480, body.codePointCount(0, body.length()));

        assertTrue(TemplateCheck.check(TemplateChannel.SMS, "", body).isValid());
        assertEquals(List.of(TOO_LONG), codes(TemplateCheck.check(TemplateChannel.SMS, "", body + "!")));
    }

    @Test
    void anEmailBodyMayHave2000CharactersAndASubject200() {
        String body = LINK + " " + "a".repeat(2000 - LINK.length() - 1);
        String subject = "b".repeat(200);

        assertTrue(TemplateCheck.check(TemplateChannel.EMAIL, subject, body).isValid());
        assertEquals(List.of(TOO_LONG), codes(TemplateCheck.check(TemplateChannel.EMAIL, subject, body + "a")));
        assertEquals(List.of(TOO_LONG), codes(TemplateCheck.check(TemplateChannel.EMAIL, subject + "b", body)));
    }

    @Test
    void aMissingBodyIsOneViolationNotAlsoAMissingPlaceholder() {
        TemplateCheckResult result = TemplateCheck.check(TemplateChannel.SMS, null, null);

        assertEquals(List.of(new TemplateViolation(TemplateField.BODY, BODY_MISSING, "",
                result.violations().get(0).message())), result.violations());
    }

    @Test
    void aLongSentenceIsQuotedAroundTheOffendingWordsWithinSixtyCharacters() {
        String body = "Jotta voimme käsitellä palautteesi mahdollisimman nopeasti ja luotettavasti, anna"
                + " henkilötunnuksesi vastaamalla tähän viestiin. " + LINK;

        TemplateViolation violation = TemplateCheck.check(TemplateChannel.SMS, null, body).violations().get(0);

        assertEquals(ASKS_FOR_PERSONAL_IDENTITY_NUMBER, violation.code());
        assertTrue(violation.fragment().contains("anna henkilötunnuksesi"), violation.fragment());
        assertTrue(violation.fragment().length() <= TemplateViolation.MAX_FRAGMENT_LENGTH);
    }

    @Test
    void everyViolationOfAManyFaultedTemplateIsReported() {
        TemplateCheckResult result = TemplateCheck.check(TemplateChannel.EMAIL, "Kirjaudu " + LINK,
                "Kirjaudu pankkitunnuksillasi osoitteessa op-fi.com ja anna korttinumerosi sekä hetusi.");

        assertEquals(sortedCodes(Stream.of(ASKS_TO_LOG_IN, PLACEHOLDER_IN_SUBJECT, ASKS_TO_LOG_IN,
                        ASKS_FOR_BANKING_CODES, ASKS_FOR_CARD_DATA, ASKS_FOR_PERSONAL_IDENTITY_NUMBER, FOREIGN_LINK,
                        PLACEHOLDER_MISSING)),
                sortedCodes(result.violations().stream().map(TemplateViolation::code)), () -> shown(result));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<TemplateViolationCode> codes(TemplateCheckResult result) {
        return result.violations().stream().map(TemplateViolation::code).collect(Collectors.toList());
    }

    private static List<String> sortedCodes(Stream<TemplateViolationCode> codes) {
        return codes.map(Enum::name).sorted().collect(Collectors.toList());
    }

    private static String shown(TemplateCheckResult result) {
        return result.violations().stream()
                .map(v -> v.field() + " " + v.code() + " «" + v.fragment() + "»")
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
