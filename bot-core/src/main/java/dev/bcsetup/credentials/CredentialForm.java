package dev.bcsetup.credentials;

/**
 * What the merchant typed or pasted, untouched: three fields and/or the downloaded .txt file.
 * Any of them may be null or blank. {@code toString()} hides every value.
 */
public record CredentialForm(String apiPath, String clientId, String accessToken, String pastedFile) {

    /** The three fields without a file. */
    public static CredentialForm ofFields(String apiPath, String clientId, String accessToken) {
        return new CredentialForm(apiPath, clientId, accessToken, null);
    }

    /** Only the pasted contents of the downloaded .txt file. */
    public static CredentialForm ofFile(String pastedFile) {
        return new CredentialForm(null, null, null, pastedFile);
    }

    /** Each field the merchant filled in, else the value from {@code other}. */
    CredentialForm orElse(CredentialForm other) {
        return new CredentialForm(
                filled(apiPath) ? apiPath : other.apiPath,
                filled(clientId) ? clientId : other.clientId,
                filled(accessToken) ? accessToken : other.accessToken,
                pastedFile);
    }

    static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        // Even the path is masked: merchants do paste tokens into the wrong field.
        return "CredentialForm[apiPath=" + Secrets.masked(apiPath)
                + ", clientId=" + Secrets.abbreviated(clientId)
                + ", accessToken=" + Secrets.masked(accessToken)
                + ", pastedFile=" + Secrets.masked(pastedFile) + "]";
    }
}
