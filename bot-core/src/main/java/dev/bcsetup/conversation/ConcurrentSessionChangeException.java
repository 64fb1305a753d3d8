package dev.bcsetup.conversation;

/** A session kept changing under us; the person should simply try again. */
public final class ConcurrentSessionChangeException extends RuntimeException {

    public ConcurrentSessionChangeException(SessionKey key) {
        super("session of " + key.platform() + " user " + key.user() + " kept changing; try again");
    }
}
