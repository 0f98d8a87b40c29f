package fi.palaute.domain.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds everything in a template that is, or could be read as, an address: the placeholder is the only link a
 * template may hold, so anything a customer could type into a browser, tap or copy is refused. It reads the
 * folded text (see {@link FoldedText}), so look-alike letters and full-width dots are already plain.
 *
 * <p>In order, each claiming its text so the same address is reported once: HTML and markdown links; URLs with a
 * scheme, disguised ones too ({@code hxxp://}, {@code http[:]//}); slash-less schemes ({@code mailto:},
 * {@code tel:+358…}); {@code www.} hosts; IP hosts (IPv6 in brackets, IPv4 dotted quads); and host names: words
 * joined by dots, or by disguised dots ({@code op[.]fi}, {@code op(dot)fi}, {@code op dot fi}), that end in a
 * known top-level domain, that are IDN ({@code xn--}), or that mix in non-Latin letters. One exception keeps
 * ordinary prose usable: a one-letter word followed by two-letter ones ("e.Kr.") is an abbreviation, unless it is a
 * known shortener such as {@code t.co} or a path follows it. Last, the placeholder glued to other text
 * ({@code {{surveyLink}}/login}, {@code x{{surveyLink}}}), which would turn the customer's link into another one.
 */
final class LinkFinder {

    private static final String LINK_ONLY = "the only link a template may hold is " + SurveyLinkPlaceholder.TOKEN;

    /** A dot, or a way of writing one to slip past a filter. */
    private static final String DOT = "(?:[.\u3002]|\\s*[\\[({]\\s*(?:[.\u3002]|dot|piste|punkt)\\s*[\\])}]\\s*"
            + "|\\s+dot\\s+|\\s+[.\u3002]\\s+)";
    private static final Pattern DOT_PATTERN = Pattern.compile(DOT);
    private static final String LABEL = "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}-]*+";

    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*a(?![\\p{L}\\p{N}])[^>]{0,300}>?(?:[^<]{0,300}<\\s*/\\s*a\\s*>)?"
                    + "|<\\s*(?:img|iframe|form|area|base|link|meta|script|embed|object|svg|image|button)"
                    + "(?![\\p{L}\\p{N}])[^>]{0,300}>?"
                    + "|(?<![\\p{L}\\p{N}])(?:href|src|srcset|action|formaction)\\s*="
                    + "|!?\\[[^\\]\\n]{0,200}\\]\\s*\\([^)\\n]{0,300}\\)"
                    + "|(?m:^\\s*\\[[^\\]\\n]{1,200}\\]:\\s*\\S+)"
                    + "|\\[\\s*url\\s*[=\\]]");
    private static final Pattern SCHEME = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[a-z*][a-z0-9+.*-]{0,30}\\s*(?::|\\[\\s*:\\s*\\]|\\(\\s*:\\s*\\))\\s*[/\\\\]{2}"
                    + "|(?<![\\p{L}\\p{N}])(?:https?|hxxps?|ftps?|sftp|file|mailto|javascript|vbscript|data|intent"
                    + "|market|skype|tg|itms-apps?)\\s*:(?=[^\\s:])"
                    + "|(?<![\\p{L}\\p{N}])(?:tel|sms|smsto|mms|callto|facetime|whatsapp|viber)\\s*:(?=[+\\d/])");
    private static final Pattern WWW = Pattern.compile("(?<![\\p{L}\\p{N}])www\\d{0,3}(?=" + DOT + ")");
    private static final Pattern IPV6 = Pattern.compile("\\[\\s*[0-9a-f]{0,4}(?::[0-9a-f.]{0,15}){2,8}\\s*\\]");
    private static final String IP_DOT = "(?:\\.|\\s*[\\[({]\\s*(?:\\.|dot)\\s*[\\])}]\\s*)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{N}.])(\\d{1,3})" + IP_DOT + "(\\d{1,3})" + IP_DOT + "(\\d{1,3})" + IP_DOT
                    + "(\\d{1,3})(?!\\p{N})");
    private static final Pattern HOST = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_-])" + LABEL + "(?:" + DOT + LABEL + "){1,8}"); // bounded: no deep recursion

    private static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd", "buff.ly",
            "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "s.id", "bl.ink", "lnkd.in",
            "db.tt", "qr.ae", "adf.ly", "shorte.st", "x.co", "youtu.be", "amzn.to", "tiny.one", "short.gy",
            "shorturl.com", "t.me", "wa.me", "trib.al", "soo.gd", "clck.ru", "u.to", "1url.com", "2.gp");

    /** Country codes and the generic domains phishing favours; a dotted word ending in one of these is a host. */
    private static final Set<String> TOP_LEVEL_DOMAINS = Set.copyOf(Arrays.asList((
            "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by "
                    + "bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es "
                    + "et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht "
                    + "hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk "
                    + "lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne "
                    + "nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa "
                    + "sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to "
                    + "tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw "
                    + "com net org info biz edu gov mil int xyz online site top club app dev shop store link click "
                    + "live login bank support secure help icu cyou page web website tech cloud email asia mobi name "
                    + "pro tel services digital news blog space fun bid win vip work world today life one network "
                    + "center company solutions group finance financial money pay credit loan cash security zip mov "
                    + "best buzz rest fit lol cam quest sbs cfd bond host casa ltd llc inc global agency media "
                    + "social chat")
            .split(" ")));

    private LinkFinder() {
    }

    static List<Finding> find(FoldedText text) {
        String f = text.folded();
        List<Finding> found = new ArrayList<>();
        Matcher m = MARKUP.matcher(f);
        while (m.find()) {
            claim(found, new Finding(m.start(), m.end(), TemplateViolationCode.LINK_MARKUP,
                    "An HTML or markdown link shows one text and leads somewhere the customer cannot see; write the"
                            + " bare " + SurveyLinkPlaceholder.TOKEN + " instead."));
        }
        m = SCHEME.matcher(f);
        while (m.find()) {
            String scheme = m.group().replaceAll("[^a-z*]", "");
            String message = scheme.startsWith("mailto") || scheme.startsWith("tel") || scheme.startsWith("sms")
                    ? "A mailto:, tel: or sms: link; " + LINK_ONLY + "."
                    : scheme.matches("https?|ftps?") && m.group().matches("[a-z]+://")
                            ? "A web address; " + LINK_ONLY + "."
                            : "A web address, possibly disguised; " + LINK_ONLY + ".";
            claimToken(found, f, m.start(), m.end(), true, message);
        }
        m = WWW.matcher(f);
        while (m.find()) {
            claimToken(found, f, m.start(), m.end(), false, "A web address (www.); " + LINK_ONLY + ".");
        }
        m = IPV6.matcher(f);
        while (m.find()) {
            claimToken(found, f, m.start(), m.end(), false, "A link to an IP address; " + LINK_ONLY + ".");
        }
        m = IPV4.matcher(f);
        while (m.find()) {
            if (isIpv4(m)) {
                claimToken(found, f, m.start(), m.end(), false, "A link to an IP address; " + LINK_ONLY + ".");
            }
        }
        m = HOST.matcher(f);
        while (m.find()) {
            String message = hostMessage(text, m);
            if (message != null) {
                claimToken(found, f, m.start(), m.end(), false, message);
            }
        }
        gluedPlaceholders(text, found);
        found.sort(Comparator.comparingInt(Finding::start));
        return found;
    }

    /**
     * "{{surveyLink}}/login", "x{{surveyLink}}": text joined to the placeholder would turn the customer's link into
     * another address. Checked last, so a placeholder inside an address already refused is not reported twice.
     */
    private static void gluedPlaceholders(FoldedText text, List<Finding> found) {
        String f = text.folded();
        String token = SurveyLinkPlaceholder.TOKEN;
        String folded = token.toLowerCase(Locale.ROOT);
        for (int at = f.indexOf(folded); at >= 0; at = f.indexOf(folded, at + folded.length())) {
            int end = at + folded.length();
            boolean exact = token.equals(text.original().substring(text.originalStart(at), text.originalEnd(end)));
            if (exact && (gluedBefore(f, at) || gluedAfter(f, end))) {
                claimToken(found, f, at, end, false, TemplateViolationCode.PLACEHOLDER_ALTERED,
                        token + " must stand alone: text joined to it would turn the customer's link into"
                                + " another address.");
            }
        }
    }

    private static boolean gluedBefore(String f, int start) {
        if (start == 0) {
            return false;
        }
        char before = f.charAt(start - 1);
        return Character.isLetterOrDigit(before) || "/.@=&?#%_{\\-".indexOf(before) >= 0;
    }

    private static boolean gluedAfter(String f, int end) {
        if (end == f.length()) {
            return false;
        }
        char after = f.charAt(end);
        if (Character.isLetterOrDigit(after) || "/@=&?#%_}\\-".indexOf(after) >= 0) {
            return true;
        }
        // "{{surveyLink}}." ends a sentence; "{{surveyLink}}.evil" does not
        return (after == '.' || after == ':') && end + 1 < f.length() && Character.isLetterOrDigit(f.charAt(end + 1));
    }

    private static boolean isIpv4(Matcher m) {
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(m.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Why a dotted word is an address, or null when it is prose. */
    private static String hostMessage(FoldedText text, Matcher m) {
        String token = m.group();
        List<String> labels = List.of(DOT_PATTERN.split(token));
        String host = String.join(".", labels);
        boolean disguised = !token.equals(host);
        String original = text.original().substring(text.originalStart(m.start()), text.originalEnd(m.end()));
        boolean lookAlike = original.codePoints().anyMatch(c -> Character.isLetter(c) && c > 0x7F);
        boolean foreignScript = original.codePoints().anyMatch(
                c -> Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN);
        boolean shortener = SHORTENERS.contains(host) || labels.size() > 2
                && SHORTENERS.contains(String.join(".", labels.subList(labels.size() - 2, labels.size())));
        boolean knownDomain = labels.subList(1, labels.size()).stream().anyMatch(TOP_LEVEL_DOMAINS::contains);
        boolean idn = labels.stream().anyMatch(label -> label.startsWith("xn--"));
        if (!(shortener || knownDomain || idn || foreignScript)) {
            return null;
        }
        String f = text.folded();
        boolean pathFollows = m.end() < f.length() && f.charAt(m.end()) == '/';
        boolean mailbox = m.start() > 0 && f.charAt(m.start() - 1) == '@';
        boolean abbreviation = labels.get(0).length() == 1 && labels.stream().allMatch(label -> label.length() <= 2);
        if (abbreviation && !shortener && !disguised && !pathFollows && !mailbox && !foreignScript) {
            return null; // "e.Kr.", "U.K."
        }
        if (shortener) {
            return "A link shortener hides where a link leads; " + LINK_ONLY + ".";
        }
        if (lookAlike) {
            return "A web address written with look-alike letters; " + LINK_ONLY + ".";
        }
        if (disguised) {
            return "A disguised web address; " + LINK_ONLY + ".";
        }
        return mailbox
                ? "An e-mail address; " + LINK_ONLY + "."
                : "A web address (a host name); " + LINK_ONLY + ".";
    }

    /**
     * Claims the whole word around a match ("op-fi.com/login", not just "op-fi.com"), so the author sees what to
     * delete. After a scheme written apart from its address ("http [:] // op-fi.com") the next word is taken too.
     */
    private static void claimToken(List<Finding> found, String f, int start, int end, boolean scheme, String message) {
        claimToken(found, f, start, end, scheme, TemplateViolationCode.FOREIGN_LINK, message);
    }

    private static void claimToken(List<Finding> found, String f, int start, int end, boolean scheme,
            TemplateViolationCode code, String message) {
        int s = start;
        while (s > 0 && !Character.isWhitespace(f.charAt(s - 1))) {
            s--;
        }
        int e = end;
        if (scheme) {
            while (e < f.length() && Character.isWhitespace(f.charAt(e))) {
                e++;
            }
        }
        while (e < f.length() && !Character.isWhitespace(f.charAt(e))) {
            e++;
        }
        while (s < start && "(\"'«<[".indexOf(f.charAt(s)) >= 0) {
            s++;
        }
        while (e > end && ".,;:!?)\"'»>]".indexOf(f.charAt(e - 1)) >= 0) {
            e--;
        }
        claim(found, new Finding(s, e, code, message));
    }

    private static void claim(List<Finding> found, Finding candidate) {
        if (found.stream().noneMatch(candidate::overlaps)) {
            found.add(candidate);
        }
    }
}
