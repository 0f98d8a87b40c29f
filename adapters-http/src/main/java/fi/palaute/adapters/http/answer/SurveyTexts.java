package fi.palaute.adapters.http.answer;

import fi.palaute.domain.survey.Language;

/**
 * Everything the survey pages say, in one language (R-NPS, R-NOLOGIN, R-ANON, R-OPTOUT). Plain text only: the
 * renderer escapes every text, so none may carry markup.
 *
 * @param neverAsks the promise each page keeps (R-NOLOGIN): it names banking codes, card data and the personal
 *                  identity number, and the page asks for none of them
 */
record SurveyTexts(
        String languageName,
        String languageNavigation,
        String pageTitle,
        String errorTitlePrefix,
        String question,
        String scaleLow,
        String scaleHigh,
        String commentLabel,
        String commentHint,
        String contactLabel,
        String anonymousStatement,
        String submit,
        String optOutTitle,
        String optOutIntro,
        String optOutButton,
        String neverAsks,
        String errorSummaryTitle,
        String scoreMissing,
        String commentTooLong,
        String thanksTitle,
        String thanksText,
        String thanksAnonymous,
        String optedOutTitle,
        String optedOutText,
        String notAnswerableTitle,
        String notAnswerableText,
        String errorTitle,
        String errorText,
        String errorIdLabel) {

    static final SurveyTexts FINNISH = new SurveyTexts(
            "Suomi",
            "Kieli",
            "OP:n asiakaskysely",
            "Virhe: ",
            "Kuinka todennäköisesti suosittelisit OP:ta ystävällesi tai kollegallesi?",
            "en lainkaan todennäköisesti",
            "erittäin todennäköisesti",
            "Haluatko kertoa lisää? (vapaaehtoinen)",
            "Älä kirjoita henkilötietoja, kuten nimeäsi, yhteystietojasi tai tili- tai korttinumeroita."
                    + " Enintään 1 000 merkkiä.",
            "Minuun saa ottaa yhteyttä vastaukseni johdosta",
            "Tämä kysely on nimetön. Vastaustasi ei voi yhdistää sinuun.",
            "Lähetä vastaus",
            "Etkö halua kyselyjä?",
            "Voit kieltää OP:n asiakaskyselyt. Et saa sen jälkeen enää kyselyjä.",
            "En halua OP:n kyselyjä",
            "OP ei koskaan pyydä verkkopankkitunnuksiasi, korttitietojasi tai henkilötunnustasi kyselyssä"
                    + " tai linkin kautta.",
            "Tarkista vastauksesi",
            "Valitse luku 0–10.",
            "Kommentti on liian pitkä. Lyhennä se enintään 1 000 merkkiin.",
            "Kiitos vastauksestasi!",
            "Vastauksesi on vastaanotettu.",
            "Vastauksesi tallennettiin nimettömänä.",
            "Et saa enää kyselyjä OP:lta",
            "Olemme kirjanneet, ettet halua OP:n asiakaskyselyjä. Et saa enää kyselyjä. Voit muuttaa tätä"
                    + " Omissa tiedoissa tai asiakaspalvelun kautta.",
            "Tähän kyselyyn ei voi enää vastata",
            "Linkkiä on ehkä jo käytetty, se on vanhentunut tai kysely on päättynyt. Kiitos mielenkiinnostasi.",
            "Jokin meni vikaan",
            "Sivua ei voitu näyttää. Yritä myöhemmin uudelleen.",
            "Virhetunnus");

    static final SurveyTexts SWEDISH = new SurveyTexts(
            "Svenska",
            "Språk",
            "OP:s kundenkät",
            "Fel: ",
            "Hur sannolikt är det att du skulle rekommendera OP till en vän eller kollega?",
            "inte alls sannolikt",
            "mycket sannolikt",
            "Vill du berätta mer? (frivilligt)",
            "Skriv inga personuppgifter, som ditt namn, dina kontaktuppgifter eller konto- eller kortnummer."
                    + " Högst 1 000 tecken.",
            "Ni får kontakta mig om mitt svar",
            "Den här enkäten är anonym. Ditt svar kan inte kopplas till dig.",
            "Skicka svar",
            "Vill du inte ha enkäter?",
            "Du kan förbjuda OP:s kundenkäter. Efter det får du inga fler enkäter.",
            "Jag vill inte ha enkäter från OP",
            "OP ber aldrig om dina nätbankskoder, dina kortuppgifter eller din personbeteckning i en enkät"
                    + " eller via en länk.",
            "Kontrollera ditt svar",
            "Välj ett tal från 0 till 10.",
            "Kommentaren är för lång. Förkorta den till högst 1 000 tecken.",
            "Tack för ditt svar!",
            "Vi har tagit emot ditt svar.",
            "Ditt svar sparades anonymt.",
            "Du får inga fler enkäter från OP",
            "Vi har registrerat att du inte vill ha OP:s kundenkäter. Du får inga fler enkäter. Du kan ändra"
                    + " detta i Mina uppgifter eller via kundtjänst.",
            "Den här enkäten kan inte längre besvaras",
            "Länken kan redan ha använts, den kan ha gått ut eller så har enkäten avslutats. Tack för ditt"
                    + " intresse.",
            "Något gick fel",
            "Sidan kunde inte visas. Försök igen senare.",
            "Felkod");

    static final SurveyTexts ENGLISH = new SurveyTexts(
            "English",
            "Language",
            "OP customer survey",
            "Error: ",
            "How likely is it that you would recommend OP to a friend or colleague?",
            "not at all likely",
            "extremely likely",
            "Would you like to tell us more? (optional)",
            "Please do not write personal data, such as your name, your contact details or account or card"
                    + " numbers. At most 1,000 characters.",
            "You may contact me about my answer",
            "This survey is anonymous. Your answer cannot be linked to you.",
            "Send answer",
            "Don't want surveys?",
            "You can tell us that you do not want customer surveys from OP. You will then get no more surveys.",
            "I do not want surveys from OP",
            "OP never asks for your online banking codes, your card details or your personal identity number"
                    + " in a survey or through a link.",
            "Please check your answer",
            "Choose a number from 0 to 10.",
            "The comment is too long. Shorten it to at most 1,000 characters.",
            "Thank you for your answer!",
            "We have received your answer.",
            "Your answer was saved anonymously.",
            "You will get no more surveys from OP",
            "We have recorded that you do not want customer surveys from OP. You will get no more surveys. You"
                    + " can change this in My Profile or through customer service.",
            "This survey can no longer be answered",
            "The link may have been used already, it may have expired, or the survey has ended. Thank you for"
                    + " your interest.",
            "Something went wrong",
            "The page could not be shown. Please try again later.",
            "Error code");

    static SurveyTexts of(Language language) {
        return switch (language) {
            case FI -> FINNISH;
            case SV -> SWEDISH;
            case EN -> ENGLISH;
        };
    }
}
