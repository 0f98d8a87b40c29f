package fi.palaute.bootstrap;

/** A setting that cannot be used. Its message is one line that names the setting, fit to show an operator. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
