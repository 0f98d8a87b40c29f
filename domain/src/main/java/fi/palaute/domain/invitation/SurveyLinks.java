package fi.palaute.domain.invitation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Makes the customer's survey link on the service's public base URL (a setting): {@code <base>/s/<token>}. The base
 * is an absolute http(s) URL with a host and nothing after its path, so a link can never carry a query that would
 * leak elsewhere or point at another site.
 */
public record SurveyLinks(String baseUrl) {

    public SurveyLinks {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("the public base URL is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "the public base URL must be http(s)://host[:port][/path], with no query, fragment or user");
        }
        baseUrl = trimmed;
    }

    public String linkFor(SurveyToken token) {
        return baseUrl + "/s/" + token.text();
    }
}
