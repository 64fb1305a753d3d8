package dev.bcsetup.credentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the .txt file BigCommerce downloads after an API account is saved: {@code KEY: value}
 * lines in no fixed order. Chat inputs may flatten it onto one line, so keys are found by name,
 * never by line position. The client secret and the account name are read past and dropped.
 */
final class CredentialFileParser {

    private static final Pattern ENTRY = Pattern.compile(
            "(?i)\\b(access[ _-]?token|client[ _-]?id|client[ _-]?secret|client[ _-]?name|name|api[ _-]?path)"
                    + "[ \\t*_]*[:=][ \\t]*(\\S*)");

    private CredentialFileParser() {
    }

    /** The credentials found in the file, as a form whose missing values are null. */
    static CredentialForm parse(String file) {
        String apiPath = null;
        String clientId = null;
        String accessToken = null;
        Matcher matcher = ENTRY.matcher(file == null ? "" : file);
        while (matcher.find()) {
            String key = matcher.group(1).toUpperCase().replaceAll("[ _-]", "");
            String value = matcher.group(2);
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "APIPATH" -> apiPath = apiPath == null ? value : apiPath;
                case "CLIENTID" -> clientId = clientId == null ? value : clientId;
                case "ACCESSTOKEN" -> accessToken = accessToken == null ? value : accessToken;
                default -> {
                    // The client secret is not needed for a migration; the name is only a label.
                }
            }
        }
        return new CredentialForm(apiPath, clientId, accessToken, null);
    }
}
