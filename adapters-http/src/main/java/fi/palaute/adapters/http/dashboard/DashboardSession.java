package fi.palaute.adapters.http.dashboard;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's session cookie and the checks around it. The cookie holds the session's random secret, never the
 * key; it is {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's page sends it),
 * limited to {@code /dashboard}, and {@code Secure} whenever the request came over https.
 */
final class DashboardSession {

    static final String COOKIE = "palaute_session";
    static final String PATH = "/dashboard";
    /** A session secret is 43 characters; anything much longer is no secret of ours and is not even hashed. */
    private static final int MAX_SECRET_LENGTH = 128;

    private DashboardSession() {
    }

    /** The secret the browser sent, if it sent one that could be ours. */
    static Optional<String> presented(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.isEmpty() || value.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    static String setCookie(String secret, Instant now, Instant expiresAt, boolean secure) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).getSeconds());
        return COOKIE + "=" + secret + "; Path=" + PATH + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    static String clearCookie(boolean secure) {
        return COOKIE + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Whether the request came over https: to this server, or to the proxy in front of it. */
    static boolean overHttps(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].trim().equalsIgnoreCase("https");
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    /**
     * CSRF defence in depth beside {@code SameSite=Strict}: a form post is refused when the browser says it came from
     * elsewhere ({@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}) or names an {@code Origin}
     * whose scheme, host and port are not this service's as the browser reached it (behind a proxy:
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}).
     * <p>
     * {@code Origin: null} needs care: the dashboard's own pages send {@code Referrer-Policy: no-referrer}, and under
     * that policy browsers send {@code Origin: null} even on a same-origin form post (Fetch, "serializing a request
     * origin"). So {@code null} is accepted only when {@code Sec-Fetch-Site: same-origin} vouches for it, and refused
     * otherwise (a sandboxed frame, a browser that says nothing more). A request with neither header (an older
     * browser, a script) is let through: the cookie's SameSite still holds.
     */
    static boolean fromThisSite(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        String site = fetchSite == null ? "" : fetchSite.trim().toLowerCase(Locale.ROOT);
        if (!site.isEmpty() && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        if (origin.trim().equals("null")) {
            return site.equals("same-origin");
        }
        Optional<String> originAuthority = originAuthority(origin.trim());
        String forwardedHost = ctx.header("X-Forwarded-Host");
        String host = forwardedHost != null && !forwardedHost.isBlank()
                ? forwardedHost.split(",", 2)[0].trim() : ctx.header("Host");
        if (originAuthority.isEmpty() || host == null) {
            return false;
        }
        String scheme = overHttps(ctx) ? "https" : "http";
        return originAuthority.get().equals(scheme + "://" + authority(scheme, host));
    }

    /** {@code scheme://host:port} of an origin, the port made explicit; empty for {@code null} or anything malformed. */
    private static Optional<String> originAuthority(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
            return Optional.of(scheme.toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static String authority(String scheme, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        boolean hasPort = colon > h.lastIndexOf(']'); // an IPv6 literal is in brackets
        return hasPort ? h : h + ":" + defaultPort(scheme);
    }

    private static int defaultPort(String scheme) {
        return scheme.equalsIgnoreCase("https") ? 443 : 80;
    }
}
