package fi.palaute.domain.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text that asks the customer to log in or to give banking codes, card data or a personal identity number,
 * in Finnish, Swedish and English at once (a Swedish template may quote English). See {@link TemplateCheck} for
 * the rule in words; this class holds the word lists.
 *
 * <p>The lists are stems matched on the folded text, so inflected and compound forms count
 * ("verkkopankkitunnuksillasi", "nätbankskoderna"). Where one phrase fits two topics ("kortets säkerhetskod"), the
 * first of card data, identity number, banking codes, login takes it. Negation words are the same in every
 * language; phrases that only look negative ("don't forget", "älä unohda", "glöm inte", "no later than") and a
 * negation word inside a topic phrase ("card no.") do not count. Imperatives that ask for something ("anna",
 * "ange", "enter") are listed too, so that a negation elsewhere in a unit cannot excuse them.
 */
final class RequestFinder {

    private enum Topic {
        CARD(TemplateViolationCode.ASKS_FOR_CARD_DATA, "Asks for payment card data (card number, CVV, expiry date)."),
        PERSONAL_ID(TemplateViolationCode.ASKS_FOR_PERSONAL_IDENTITY_NUMBER, "Asks for a personal identity number."),
        BANKING(TemplateViolationCode.ASKS_FOR_BANKING_CODES,
                "Asks for online banking codes or other credentials (codes, password, PIN)."),
        LOGIN(TemplateViolationCode.ASKS_TO_LOG_IN, "Asks the customer to log in.");

        final TemplateViolationCode code;
        final String message;

        Topic(TemplateViolationCode code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    private static final String NEVER_ASKED = " OP never asks for them; they may be named only in a sentence that"
            + " says so, such as \"OP never asks for your online banking codes through a link.\"";
    private static final String NO_LOGIN_LINKS = " OP never sends messages with links through which one logs in.";
    private static final String LOGIN_BESIDE_LINK = "Names logging in in the same sentence as a link. Even a"
            + " sentence that says \"never\" may not put a login word beside a link; give the link its own sentence.";

    private static final Pattern CARD = words(""
            + "(?:credit|debit|payment)\\s+cards?|card(?:'s)?\\s*-?\\s*(?:numbers?|no\\.?|details|data|information"
            + "|info|verification\\s+(?:codes?|values?)|security\\s+codes?|expir\\p{L}*)|cardnumbers?"
            + "|cvv2?|cvc2?|cvn|security\\s+codes?|expir(?:y|ation)\\s+dates?|exp\\.?\\s+date|valid\\s+thru"
            + "|\\p{L}*kortti?n?numer\\p{L}*"
            + "|\\p{L}*kort(?:in|tisi|tinne|tiesi)\\s+(?:numer|tied|tiet|tunnu|voimassa|turva|cvv|cvc)\\p{L}*"
            + "|\\p{L}*korttitie[dt]\\p{L}*|turvakoodi\\p{L}*"
            + "|\\p{L}*kortnum\\p{L}*|\\p{L}*kort(?:uppgift|information|detalj|data)\\p{L}*"
            + "|kortets\\s+(?:nummer|uppgift|giltighet|säkerhetskod|cvv|cvc)\\p{L}*|säkerhetskod\\p{L}*"
            + "|utgångsdatum\\p{L}*");
    private static final Pattern PERSONAL_ID = words(""
            + "personal\\s+(?:identity|id)\\s+(?:numbers?|codes?)|national\\s+id(?:entity|entification)?\\s+"
            + "(?:numbers?|codes?)|identity\\s+numbers?|social\\s+security\\s+(?:numbers?|no\\.?)|ssns?|id\\s+numbers?"
            + "|\\p{L}*henkilötunnu\\p{L}*|hetu\\p{L}*|sotu(?:si|n|a|ani|nne)?|\\p{L}*sosiaaliturvatunnu\\p{L}*"
            + "|personbeteckning\\p{L}*|personnum\\p{L}*");
    private static final Pattern BANKING = words(""
            + "personal\\s+identification\\s+numbers?|one-time\\s+(?:pass)?(?:codes?|words?)|(?:pass)?codes?"
            + "|passwords?|passphrases?|credentials?|user\\s*-?\\s*(?:ids?|names?)|usernames?|otp|pins?"
            + "|\\p{L}*pankkitunnu\\p{L}*|\\p{L}*pankin\\s+tunnu\\p{L}*|tunnuks\\p{L}*|tunnus|käyttäjätunnu\\p{L}*"
            + "|tunnuslu[kv]\\p{L}*|avainlu[kv]\\p{L}*|salasan\\p{L}*|mobiiliavai\\p{L}*"
            + "|(?:pin|tunnus|vahvistus|varmenne|tunnistus|kerta|sms)-?koodi\\p{L}*|pin-\\p{L}+"
            + "|\\p{L}*kod(?:er|erna|en|s)?|lösen(?:ord\\p{L}*)?|nyckeltal\\p{L}*|(?:mobilt\\s+)?bankid"
            + "|inloggningsuppgift\\p{L}*");
    private static final Pattern LOGIN = words(""
            + "log(?:s|ged|ging)?\\s*-?\\s*(?:in|on)s?|sign(?:s|ed|ing)?\\s*-?\\s*(?:in|on)|authenticat\\p{L}*"
            + "|(?:verify|confirm)\\s+your\\s+(?:identity|account)"
            + "|\\p{L}*kirjau(?:du|tu|ttu)\\p{L}*|tunnistau(?:du|tu)\\p{L}*|vahvista\\p{L}*\\s+henkilöllisyyte\\p{L}*"
            + "|logga(?:r|de|t)?\\s+(?:in|på)|inloggning\\p{L}*|(?:identifiera|legitimera|verifiera)\\s+dig");
    /**
     * What denies a login word even beside a link: a negation right before it ("ilman", "utan att", "ingen",
     * "without", "no", "not", "don't", "älä"); "ei tarvitse", "ei vaadi", "behöver inte", "kräver ingen", "no need
     * to", "do not need to" at most one word before it; or, after it, "ei tarvita", "krävs inte", "is not needed".
     */
    private static final Pattern DENIED_BEFORE = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}'])(?:"
            + "(?:ilman|utan(?:\\s+att)?|without|no|not|never|ingen|inget|inte|aldrig|ei|et|älä|\\p{L}*n't)"
            + "|(?:(?:(?:ei|et|ette|emme|eivät)\\s+(?:tarvitse|vaadi|edellytä))|behöver\\s+(?:du\\s+|ni\\s+)?inte"
            + "|kräver\\s+(?:inte|ingen)|(?:no|\\p{L}*n(?:o|')t)\\s+need\\s+to|not\\s+required\\s+to"
            + "|\\p{L}*n(?:o|')t\\s+have\\s+to)(?:\\s+[\\p{L}\\p{M}'-]+)?)\\s+$");
    private static final Pattern DENIED_AFTER = Pattern.compile("^\\s+(?:ei\\s+(?:tarvita|vaadita|tarvitse|edellytetä)"
            + "|(?:krävs|behövs)\\s+(?:inte|ej)|(?:is\\s+)?not\\s+(?:needed|required|necessary)"
            + "|isn't\\s+(?:needed|required|necessary))(?![\\p{L}\\p{M}\\p{N}])");
    /** Finnish abessive, "without logging in": a login word that denies itself. */
    private static final Pattern LOGIN_WITHOUT = Pattern.compile(".*m[aä]tt[aä]");

    /** Imperatives that ask for something; after "to" or "att" they are infinitives, and ask nothing. */
    private static final Pattern REQUEST_VERB = words(""
            + "anna|antakaa|syötä|syöttäkää|kerro|kertokaa|ilmoita|ilmoittakaa|vahvista|vahvistakaa|lähetä"
            + "|lähettäkää|kirjoita|kirjoittakaa|täytä|täyttäkää|päivitä|päivittäkää|näppäile|näppäilkää|luovuta"
            + "|vastaa|vastatkaa"
            + "|ange|uppge|skriv|fyll|bekräfta|skicka|lämna|verifiera|uppdatera|knappa|mata|svara"
            + "|enter|give|provide|type|send|confirm|verify|submit|update|share|fill|tell|reply|input|disclose");
    private static final Pattern INFINITIVE_MARK = Pattern.compile("(?:^|.*[^\\p{L}])(?:to|att)\\s+$");
    private static final Pattern AT_MOST_ONE_WORD = Pattern.compile("\\s+(?:[\\p{L}\\p{M}'-]+\\s+)?");
    private static final Pattern AT_MOST_THREE_WORDS = Pattern.compile("\\s+(?:[\\p{L}\\p{M}'-]+\\s+){0,3}");

    private static final Pattern NEGATION = words(""
            + "ei|et|emme|ette|eivät|eikä|etkä|emmekä|ettekä|eivätkä|ethän|eihän|emmehän|ettehän|älä|älkää|äläkä"
            + "|älkääkä|älähän|ilman"
            + "|(?:kirjautu|tunnistautu|anta|syöttä|tarvitse|käyttä|kerto|ilmoitta|pyytä|kysy|lähettä|luovutta)"
            + "m[aä]tt[aä]"
            + "|inte|ej|icke|aldrig|utan|ingen|inga|inget|varken"
            + "|not|never|no|without|neither|nor|cannot|\\p{L}+n't");
    private static final Pattern NOT_A_NEGATION = words(""
            + "(?:don't|do\\s+not|never|not)\\s+(?:ever\\s+)?(?:forget|hesitate|miss|wait|delay)\\p{L}*"
            + "|(?:no|not)\\s+later\\s+than|not\\s+only|no\\s+matter|(?:if|or|whether\\s+or)\\s+not"
            + "|(?:no\\s+need\\s+to|(?:do|does)\\s*n(?:o|')t\\s+need\\s+to|without)\\s+(?:wait|delay)\\p{L}*"
            + "|(?:älä|älkää|ethän|et)\\s+(?:unohd|unohta|epäröi|odot|odott|viivyttel)\\p{L}*"
            + "|ei\\s+(?:vain|ainoastaan|pelkästään)|(?:vai|jos)\\s+ei|ei\\s+tarvitse\\s+odott\\p{L}*"
            + "|(?:glöm|tveka|missa|vänta|dröj)\\s+(?:inte|ej|aldrig)|inte\\s+bara"
            + "|utan\\s+(?:dröjsmål|att\\s+vänta)"
            + "|(?:eller|om)\\s+inte|behöver\\s+(?:du\\s+)?inte\\s+vänta");
    private static final Pattern UNIT_BREAK = Pattern.compile(
            "[:;](?=\\s|$)|\\s[-\u2013\u2014]\\s|[\u2013\u2014]"
                    + "|(?<![\\p{L}])(?=(?:mutta|vaan|men|but|however|kuitenkin)(?![\\p{L}]))");

    private RequestFinder() {
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{M}\\p{N}])");
    }

    private record Span(int start, int end) {

        boolean contains(Span other) {
            return start <= other.start && other.end <= end;
        }

        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    private record Mention(Span span, Topic topic) {
    }

    static List<Finding> find(FoldedText text, List<Finding> links) {
        String f = text.folded();
        List<Mention> mentions = mentions(f);
        // words inside an address ("op-fi.com/login") belong to the address, which is refused on its own
        mentions.removeIf(mention -> links.stream()
                .anyMatch(link -> link.overlaps(mention.span.start, mention.span.end)));
        List<Span> negations = negations(f, mentions);
        List<Finding> found = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Span sentence : sentences(f)) {
            boolean linkInSentence = f.substring(sentence.start, sentence.end).contains("{{surveylink}}")
                    || links.stream().anyMatch(link -> link.overlaps(sentence.start, sentence.end));
            for (Span unit : units(f, sentence)) {
                boolean negated = negations.stream().anyMatch(unit::contains);
                for (Mention mention : mentions) {
                    if (mention.span.start < unit.start || mention.span.start >= unit.end) {
                        continue;
                    }
                    String message;
                    if (mention.topic == Topic.LOGIN) {
                        if (deniesItself(f, mention.span, unit) || negated && !linkInSentence) {
                            continue;
                        }
                        message = negated ? LOGIN_BESIDE_LINK : mention.topic.message + NO_LOGIN_LINKS;
                    } else {
                        if (negated && !askedForDespiteNegation(f, mention.span, unit, negations)) {
                            continue;
                        }
                        message = mention.topic.message + NEVER_ASKED;
                    }
                    if (reported.add(unit.start + " " + mention.topic)) {
                        Span quoted = around(f, mention.span, unit);
                        found.add(new Finding(quoted.start, quoted.end, mention.topic.code, message));
                    }
                }
            }
        }
        return found;
    }

    /** Every topic phrase, each stretch of text claimed by the first topic that names it. */
    private static List<Mention> mentions(String f) {
        List<Mention> mentions = new ArrayList<>();
        addMentions(mentions, CARD, Topic.CARD, f);
        addMentions(mentions, PERSONAL_ID, Topic.PERSONAL_ID, f);
        addMentions(mentions, BANKING, Topic.BANKING, f);
        addMentions(mentions, LOGIN, Topic.LOGIN, f);
        mentions.sort((a, b) -> Integer.compare(a.span.start, b.span.start));
        return mentions;
    }

    private static void addMentions(List<Mention> mentions, Pattern pattern, Topic topic, String f) {
        Matcher m = pattern.matcher(f);
        while (m.find()) {
            Span span = new Span(m.start(), m.end());
            if (mentions.stream().noneMatch(other -> other.span.overlaps(span))) {
                mentions.add(new Mention(span, topic));
            }
        }
    }

    /** Negation words that count: not part of an idiom that only looks negative, not inside a topic phrase. */
    private static List<Span> negations(String f, List<Mention> mentions) {
        List<Span> idioms = new ArrayList<>();
        Matcher m = NOT_A_NEGATION.matcher(f);
        while (m.find()) {
            idioms.add(new Span(m.start(), m.end()));
        }
        List<Span> negations = new ArrayList<>();
        m = NEGATION.matcher(f);
        while (m.find()) {
            Span word = new Span(m.start(), m.end());
            if (idioms.stream().noneMatch(idiom -> idiom.overlaps(word))
                    && mentions.stream().noneMatch(mention -> mention.span.overlaps(word))) {
                negations.add(word);
            }
        }
        return negations;
    }

    /** A login word that denies itself: "kirjautumatta", "ei tarvitse kirjautua", "login is not needed". */
    private static boolean deniesItself(String f, Span login, Span unit) {
        return LOGIN_WITHOUT.matcher(f.substring(login.start, login.end)).matches()
                || DENIED_BEFORE.matcher(f.substring(unit.start, login.start)).find()
                || DENIED_AFTER.matcher(f.substring(login.end, unit.end)).find();
    }

    /**
     * A negation elsewhere in the unit does not excuse an imperative aimed at the phrase: "we never share your
     * data, so enter your card number" asks for it. The verb is excused only by a negation right before it ("älä
     * koskaan anna", "never enter") or between it and the phrase ("ange aldrig din kod").
     */
    private static boolean askedForDespiteNegation(String f, Span phrase, Span unit, List<Span> negations) {
        Matcher verb = REQUEST_VERB.matcher(f).region(unit.start, phrase.start);
        verb.useTransparentBounds(true);
        while (verb.find()) {
            int start = verb.start();
            int end = verb.end();
            if (!AT_MOST_THREE_WORDS.matcher(f.substring(end, phrase.start)).matches()
                    || INFINITIVE_MARK.matcher(f.substring(unit.start, start)).matches()) {
                continue;
            }
            boolean excused = negations.stream().anyMatch(n -> n.start >= end && n.end <= phrase.start
                    || n.start >= unit.start && n.end <= start
                            && AT_MOST_ONE_WORD.matcher(f.substring(n.end, start)).matches());
            if (!excused) {
                return true;
            }
        }
        return false;
    }

    /** Sentences end at . ! ? before a space or the end, and at every line break. */
    private static List<Span> sentences(String f) {
        List<Span> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
            boolean stop = (c == '.' || c == '!' || c == '?')
                    && (i + 1 == f.length() || Character.isWhitespace(f.charAt(i + 1)));
            if (lineBreak || stop) {
                sentences.add(new Span(start, lineBreak ? i : i + 1));
                start = i + 1;
            }
        }
        sentences.add(new Span(start, f.length()));
        return sentences;
    }

    /** A sentence's units: split at a colon or semicolon, a dash, and before "but" (mutta, vaan, men, however). */
    private static List<Span> units(String f, Span sentence) {
        List<Span> units = new ArrayList<>();
        Matcher m = UNIT_BREAK.matcher(f).region(sentence.start, sentence.end);
        m.useTransparentBounds(true);
        int start = sentence.start;
        while (m.find()) {
            units.add(new Span(start, m.start()));
            start = m.end();
        }
        units.add(new Span(start, sentence.end));
        return units;
    }

    /** What to quote: the unit, or if it is long, from about twenty characters before the phrase, on a whole word. */
    private static Span around(String f, Span phrase, Span unit) {
        int start = unit.end - unit.start <= TemplateViolation.MAX_FRAGMENT_LENGTH
                ? unit.start
                : Math.max(unit.start, phrase.start - 20);
        if (start > unit.start && !Character.isWhitespace(f.charAt(start - 1))) {
            while (start < phrase.start && !Character.isWhitespace(f.charAt(start))) {
                start++;
            }
        }
        while (start < phrase.start && Character.isWhitespace(f.charAt(start))) {
            start++;
        }
        int end = unit.end;
        while (end > phrase.end && Character.isWhitespace(f.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }
}
