package dev.bcsetup.server;

/** A configuration value that cannot be used; the message is one line naming the variable, never its secret value. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
