package dev.bcsetup.credentials;

/**
 * Everything the bot can tell a merchant about their credentials. Each code has one sentence per
 * language in {@code credentials/messages-<lang>.json}; the enum name is the key.
 */
public enum ProblemCode {
    // Intake: the API path.
    API_PATH_EMPTY,
    API_PATH_TOO_LONG,
    API_PATH_BAD_CHARACTERS,
    API_PATH_NOT_BIGCOMMERCE,
    API_PATH_NOT_HTTPS,
    API_PATH_ACCOUNT_LEVEL,
    API_PATH_CONTROL_PANEL_URL,
    API_PATH_STORE_URL_WITHOUT_HASH,
    API_PATH_LEGACY,
    API_PATH_BAD_STORE_HASH,
    API_PATH_EXTRA_PARTS,
    // Intake: the client ID.
    CLIENT_ID_EMPTY,
    CLIENT_ID_BAD_CHARACTERS,
    CLIENT_ID_BAD_LENGTH,
    // Intake: the access token.
    ACCESS_TOKEN_EMPTY,
    ACCESS_TOKEN_BAD_CHARACTERS,
    ACCESS_TOKEN_BAD_LENGTH,
    ACCESS_TOKEN_LOOKS_LIKE_CLIENT_SECRET,
    ACCESS_TOKEN_SAME_AS_CLIENT_ID,
    // Intake: the pasted file.
    FILE_WITHOUT_CREDENTIALS,
    // Live validation: fixes.
    TOKEN_REJECTED,
    TOKEN_FOR_OTHER_STORE,
    STENCIL_TOKEN,
    BIGCOMMERCE_UNAVAILABLE,
    BIGCOMMERCE_TIMEOUT,
    RATE_LIMITED,
    SCOPE_MISSING,
    SCOPE_READ_ONLY,
    SCOPE_NOT_CHECKED,
    RECREATE_API_ACCOUNT,
    // Live validation: notes that need no action.
    SCOPE_MODIFY_NOT_PROVABLE,
    OPTIONAL_SCOPE_MISSING,
    CLIENT_ID_FORMAT_ONLY
}
