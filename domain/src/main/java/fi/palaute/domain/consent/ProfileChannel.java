package fi.palaute.domain.consent;

/** Where a customer used My Profile: the OP mobile app or op.fi. */
public enum ProfileChannel {
    MOBILE,
    WEB
}
