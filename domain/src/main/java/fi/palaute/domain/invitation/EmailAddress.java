package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.ContactPointKind;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address that our SMTP sender can deliver to: a syntax check, not a promise that the mailbox exists.
 * Only the plain form {@code local@domain}: no display names, quoted local parts, comments or IP-literal domains,
 * which are rare in customer data and easy to abuse. ASCII only: an internationalised domain must arrive in its
 * {@code xn--} form, and SMTPUTF8 local parts are not supported by every relay. The domain is lower-cased, since
 * domains are case-insensitive; the local part is kept as given, since strictly it is not.
 */
public record EmailAddress(String value) implements ContactPoint {

    public static final int MAX_LENGTH = 254; // RFC 5321 path limit less the angle brackets
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_DOMAIN_LENGTH = 253;

    /** RFC 5322 dot-atom: atext characters, dots only between them. */
    private static final Pattern LOCAL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** Host-name labels of 1-63 letters, digits and inner hyphens. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** A top-level domain is letters, or an IDN in its xn-- form; never digits, which would make an IP address. */
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("email must be at most " + MAX_LENGTH + " characters");
        }
        int at = value.indexOf('@');
        if (at < 0 || at != value.lastIndexOf('@')) {
            throw new IllegalArgumentException("email must contain exactly one '@'");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.isEmpty() || local.length() > MAX_LOCAL_LENGTH || !LOCAL.matcher(local).matches()) {
            throw new IllegalArgumentException("email must have a local part of 1-" + MAX_LOCAL_LENGTH
                    + " letters, digits or permitted symbols, with dots only between them");
        }
        if (!isDomain(domain)) {
            throw new IllegalArgumentException(
                    "email must have a domain of at least two dot-separated labels, ending in a top-level domain");
        }
        value = local + "@" + domain;
    }

    private static boolean isDomain(String domain) {
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH) {
            return false;
        }
        String[] labels = domain.split("\\.", -1); // -1 keeps empty labels, so "a..fi" and "a.fi." are refused
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }

    @Override
    public ContactPointKind kind() {
        return ContactPointKind.EMAIL;
    }

    /**
     * First letter of the mailbox and of the domain, and the top-level domain: {@code j***@e***.fi}. The domain is
     * masked too, because a personal domain names its owner as well as the mailbox does.
     */
    @Override
    public String masked() {
        int at = value.indexOf('@');
        String domain = value.substring(at + 1);
        String topLevel = domain.substring(domain.lastIndexOf('.') + 1);
        return value.charAt(0) + "***@" + domain.charAt(0) + "***." + topLevel;
    }

    @Override
    public String toString() {
        return masked();
    }
}
