package dev.bcsetup.credentials;

/** A place on the credential form a problem can point at. */
public enum Field {
    API_PATH,
    CLIENT_ID,
    ACCESS_TOKEN,
    PASTED_FILE
}
