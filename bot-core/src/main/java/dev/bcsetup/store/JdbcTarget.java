package dev.bcsetup.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the session database is: a JDBC URL with the credentials taken out of it, so that the URL
 * can appear in logs and messages, and the credentials travel to the driver on their own.
 */
record JdbcTarget(Kind kind, String url, Optional<String> user, Optional<String> password, String description) {

    /** The two databases the bot supports; each needs its own driver and SQL dialect checks. */
    enum Kind {
        H2("org.h2.Driver"),
        POSTGRESQL("org.postgresql.Driver");

        private final String driverClassName;

        Kind(String driverClassName) {
            this.driverClassName = driverClassName;
        }

        String driverClassName() {
            return driverClassName;
        }
    }

    /** Lets the SQL written for PostgreSQL run on H2 as well; DESIGN.md asks for this mode. */
    static final String H2_COMPATIBILITY = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            // H2 otherwise writes commits to the file up to half a second later: a killed process would lose
            // hand-offs whose receipt the merchant has already seen (HandOffCrashIT found exactly that).
            + ";WRITE_DELAY=0";
    private static final String H2_FILE_NAME = "sessions";

    /** The embedded H2 file under {@code dataDirectory}. */
    static JdbcTarget h2File(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(H2_FILE_NAME);
        return new JdbcTarget(Kind.H2, "jdbc:h2:file:" + file + ";" + H2_COMPATIBILITY,
                Optional.empty(), Optional.empty(), "the H2 database file " + file + ".mv.db");
    }

    /**
     * Reads a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL. PostgreSQL credentials may come as
     * {@code //user:password@host/db} or as {@code user=} and {@code password=} parameters; H2 ones as
     * {@code ;USER=} and {@code ;PASSWORD=} settings.
     */
    static JdbcTarget parse(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return postgresql(jdbcUrl);
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return h2(jdbcUrl);
        }
        // Not even a prefix of the URL is repeated: a mistyped URL may still hold a password.
        throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: or jdbc:h2:");
    }

    private static JdbcTarget postgresql(String jdbcUrl) {
        String prefix = "jdbc:postgresql:";
        String rest = jdbcUrl.substring(prefix.length());
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();

        int queryStart = rest.indexOf('?');
        String location = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);

        if (location.startsWith("//")) {
            int authorityEnd = location.indexOf('/', 2);
            String authority = authorityEnd < 0 ? location.substring(2) : location.substring(2, authorityEnd);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                int colon = userInfo.indexOf(':');
                user = nonEmpty(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                password = colon < 0 ? Optional.empty() : nonEmpty(decode(userInfo.substring(colon + 1)));
                location = "//" + authority.substring(at + 1) + (authorityEnd < 0 ? "" : location.substring(authorityEnd));
            }
        }

        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            String value = parameter.contains("=") ? decode(parameter.split("=", 2)[1]) : "";
            switch (name) {
                case "user" -> user = nonEmpty(value);
                case "password" -> password = nonEmpty(value);
                default -> kept.add(parameter);
            }
        }
        String url = prefix + location + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        String where = location.startsWith("//") ? location.substring(2) : location;
        return new JdbcTarget(Kind.POSTGRESQL, url, user, password, "PostgreSQL at " + where);
    }

    private static JdbcTarget h2(String jdbcUrl) {
        String[] parts = jdbcUrl.split(";");
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        List<String> kept = new ArrayList<>();
        kept.add(parts[0]);
        boolean modeGiven = false;
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
            String value = parts[i].contains("=") ? parts[i].split("=", 2)[1] : "";
            switch (name) {
                case "USER" -> user = nonEmpty(value);
                case "PASSWORD" -> password = nonEmpty(value);
                default -> {
                    modeGiven |= name.equals("MODE");
                    if (!parts[i].isEmpty()) {
                        kept.add(parts[i]);
                    }
                }
            }
        }
        if (!modeGiven) {
            kept.add(H2_COMPATIBILITY);
        }
        return new JdbcTarget(Kind.H2, String.join(";", kept), user, password,
                "the H2 database " + parts[0].substring("jdbc:h2:".length()));
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Whether the database lives in this process (an H2 file or memory), not behind a network connection. */
    boolean embedded() {
        return kind == Kind.H2 && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** Whether the database is an H2 file this process opens itself. */
    boolean file() {
        return embedded() && !url.startsWith("jdbc:h2:mem:");
    }

    /** Percent-decoding only: a '+' in a password is a plus, not a space. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return description;
    }
}
