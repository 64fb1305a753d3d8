package dev.bcsetup.conversation;

/** Where a setup stands as a whole. */
public enum Status {
    /** Working through the steps. */
    ACTIVE,
    /** On the last step, ready to hand over the credentials. */
    READY,
    /** Credentials submitted; the live check against BigCommerce is running. */
    CHECKING,
    /** The credentials passed the live check. */
    VALIDATED,
    /** Stopped by the merchant; a start begins a new setup. */
    CANCELLED
}
