package dev.bcsetup.invite;

/** What opening a one-time link gives a browser. */
public sealed interface Redemption {

    /** The browser that opened the link first (this one) may walk the setup. */
    record Admitted(Invitation invitation) implements Redemption {
    }

    /** Another browser opened the link first. */
    record AlreadyUsed() implements Redemption {
    }

    /** The link's time is up. */
    record Expired() implements Redemption {
    }

    /** No link has this token (or never had: tokens are never guessed into existence). */
    record Unknown() implements Redemption {
    }
}
