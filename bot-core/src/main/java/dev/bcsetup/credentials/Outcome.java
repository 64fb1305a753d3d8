package dev.bcsetup.credentials;

/** The overall verdict of a live validation, one per thing the merchant must do next. */
public enum Outcome {
    /** The token belongs to the store and every required scope is proven. */
    VALID,
    /** The token works, but required scopes are missing or read-only: a new API account is needed. */
    NEEDS_FIXING,
    /** BigCommerce refused the token (401): mistyped, or the API account was deleted. */
    TOKEN_REJECTED,
    /** The token is real but not for the store in the API path. */
    WRONG_STORE,
    /** The token authenticates but reaches no data: a Stencil-CLI token or an account without scopes. */
    STENCIL_TOKEN,
    /** BigCommerce did not answer in time, was down, or kept rate-limiting: nothing is known to be wrong. */
    BIGCOMMERCE_UNAVAILABLE
}
