package dev.bcsetup.credentials;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a pasted API path into a store hash, or explains what was pasted instead. Only the hash
 * is kept: the pasted text is never used to build a request, so no host in it can be reached.
 */
final class ApiPathParser {

    static final int MAX_LENGTH = 300;

    private static final String API_HOST = "(?i:https://api\\.bigcommerce\\.com)";
    private static final Pattern STORE_API_PATH =
            Pattern.compile(API_HOST + "/stores/([a-z0-9]{5,16})/v[23]/?");
    private static final Pattern PLAIN_HTTP_API = Pattern.compile("(?i:http://api\\.bigcommerce\\.com)(/.*)?");
    private static final Pattern ACCOUNT_LEVEL = Pattern.compile(API_HOST + "/accounts(/.*)?");
    private static final Pattern ANY_STORE_PATH = Pattern.compile(API_HOST + "/stores/([^/?#]*)(.*)");
    private static final Pattern URL = Pattern.compile("(?i)(?:https?)://([^/?#]*)(.*)");
    private static final Pattern STORE_HOST = Pattern.compile("store-([a-z0-9]{5,16})\\.mybigcommerce\\.com");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private ApiPathParser() {
    }

    /** The store hash, or the one problem that best explains why there is none. */
    static Result parse(String raw) {
        String path = PasteCleaner.clean(raw);
        if (path.isEmpty()) {
            return problem(ProblemCode.API_PATH_EMPTY);
        }
        if (path.length() > MAX_LENGTH) {
            return problem(ProblemCode.API_PATH_TOO_LONG);
        }
        // Spaces, line breaks, %-escapes and look-alike letters from other alphabets never belong
        // in an API path; rejecting them here is what keeps the strict pattern below honest.
        if (!PRINTABLE_ASCII.matcher(path).matches() || path.contains("%")) {
            return problem(ProblemCode.API_PATH_BAD_CHARACTERS);
        }
        // Placeholders copied from documentation: /stores/{abc123}/ or /stores/{{abc123}}/.
        path = path.replace("{", "").replace("}", "");
        if (!path.contains("://")) {
            path = "https://" + path;
        }
        Matcher exact = STORE_API_PATH.matcher(path);
        if (exact.matches()) {
            return new Result(Optional.of(new StoreHash(exact.group(1))), Optional.empty());
        }
        return diagnose(path);
    }

    private static Result diagnose(String path) {
        if (PLAIN_HTTP_API.matcher(path).matches()) {
            return problem(ProblemCode.API_PATH_NOT_HTTPS);
        }
        if (ACCOUNT_LEVEL.matcher(path).matches()) {
            return problem(ProblemCode.API_PATH_ACCOUNT_LEVEL);
        }
        Matcher storePath = ANY_STORE_PATH.matcher(path);
        if (storePath.matches()) {
            String hash = storePath.group(1);
            return StoreHash.isValid(hash)
                    ? problem(ProblemCode.API_PATH_EXTRA_PARTS, new StoreHash(hash).apiPath())
                    : problem(ProblemCode.API_PATH_BAD_STORE_HASH);
        }
        Matcher url = URL.matcher(path);
        if (!url.matches()) {
            return problem(ProblemCode.API_PATH_NOT_BIGCOMMERCE);
        }
        String host = url.group(1).toLowerCase();
        String rest = url.group(2).toLowerCase();
        if (host.contains("@") || host.contains("\\") || host.contains(":")) {
            return problem(ProblemCode.API_PATH_NOT_BIGCOMMERCE);
        }
        if (rest.startsWith("/api/v2")) {
            return problem(ProblemCode.API_PATH_LEGACY);
        }
        Matcher storeHost = STORE_HOST.matcher(host);
        if (storeHost.matches()) {
            return problem(ProblemCode.API_PATH_CONTROL_PANEL_URL, new StoreHash(storeHost.group(1)).apiPath());
        }
        if (host.endsWith(".mybigcommerce.com") || host.equals("login.bigcommerce.com")
                || rest.startsWith("/manage")) {
            return problem(ProblemCode.API_PATH_STORE_URL_WITHOUT_HASH);
        }
        return problem(ProblemCode.API_PATH_NOT_BIGCOMMERCE);
    }

    private static Result problem(ProblemCode code) {
        return new Result(Optional.empty(), Optional.of(FieldProblem.of(Field.API_PATH, code)));
    }

    private static Result problem(ProblemCode code, String suggestedPath) {
        return new Result(Optional.empty(),
                Optional.of(FieldProblem.of(Field.API_PATH, code, "suggestedPath", suggestedPath)));
    }

    /** Exactly one of the two is present. */
    record Result(Optional<StoreHash> storeHash, Optional<FieldProblem> problem) {
    }
}
