package dev.bcsetup.credentials;

/** What the live probes proved about one scope of the merchant's plan. */
public enum ScopeStatus {
    /** The token has at least the access the plan needs. */
    GRANTED,
    /** Read access is proven, Modify is needed, and BigCommerce refused a write. */
    READ_ONLY,
    /** BigCommerce refused even a read. */
    MISSING,
    /** Read access is proven; Modify is needed but cannot be proven without changing data. */
    MODIFY_NOT_PROVABLE,
    /** BigCommerce did not answer the probe, so nothing is known. */
    NOT_CHECKED
}
