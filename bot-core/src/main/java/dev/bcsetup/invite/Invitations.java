package dev.bcsetup.invite;

import dev.bcsetup.flow.Direction;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One-time setup links, durable in the {@code invitations} table. A link's token is 256 random bits from the
 * injected {@link SecureRandom}; only its SHA-256 is stored. The first browser to open the link binds it (by the
 * SHA-256 of a random cookie the browser keeps); any other browser is turned away, and so is everyone once it expires.
 */
public final class Invitations {

    /** How long a link works unless the caller says otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_TEXT = 200;

    private static final String INSERT = "INSERT INTO invitations (token_hash, workspace, agent, customer, direction, locale,"
            + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT workspace, agent, customer, direction, locale, created_at, expires_at,"
            + " browser_hash FROM invitations WHERE token_hash = ?";
    private static final String BIND = "UPDATE invitations SET browser_hash = ?, redeemed_at = ?"
            + " WHERE token_hash = ? AND browser_hash IS NULL";
    private static final String DELETE_EXPIRED = "DELETE FROM invitations WHERE expires_at < ?";

    private final DataSource dataSource;
    private final String databaseDescription;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration validity;

    public Invitations(Database database, Clock clock, SecureRandom random, Duration validity) {
        this.dataSource = database.dataSource();
        this.databaseDescription = database.description();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        this.validity = validity;
    }

    /** A new link's token, URL-safe; shown once to the agent and never stored. */
    public String create(String workspace, String agent, String customer, Optional<Direction> direction, String locale) {
        requireText(workspace, "workspace");
        requireText(agent, "agent");
        requireText(customer, "customer");
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, hash(token));
            insert.setString(2, workspace);
            insert.setString(3, agent);
            insert.setString(4, customer.strip());
            if (direction.isPresent()) {
                insert.setString(5, direction.get().name());
            } else {
                insert.setNull(5, Types.VARCHAR);
            }
            insert.setString(6, locale);
            insert.setObject(7, timestamp(now));
            insert.setObject(8, timestamp(now.plus(validity)));
            insert.executeUpdate();
            return token;
        } catch (SQLException e) {
            throw failure("save a setup link in", e);
        }
    }

    /** When a link made now stops working. */
    public Instant expiryOfANewLink() {
        return clock.instant().plus(validity);
    }

    /**
     * Opens the link {@code token} for the browser that holds the cookie value {@code browser}: the first browser
     * binds it, the same browser may come back until it expires, any other is refused.
     */
    public Redemption redeem(String token, String browser) {
        if (token == null || !TOKEN.matcher(token).matches() || browser == null || browser.isBlank()) {
            return new Redemption.Unknown();
        }
        String tokenHash = hash(token);
        String browserHash = hash(browser);
        try (Connection connection = dataSource.getConnection()) {
            Optional<Stored> stored = find(connection, tokenHash);
            if (stored.isEmpty()) {
                return new Redemption.Unknown();
            }
            if (!clock.instant().isBefore(stored.get().invitation().expiresAt())) {
                return new Redemption.Expired();
            }
            if (stored.get().browserHash() == null) {
                try (PreparedStatement bind = connection.prepareStatement(BIND)) {
                    bind.setString(1, browserHash);
                    bind.setObject(2, timestamp(clock.instant()));
                    bind.setString(3, tokenHash);
                    if (bind.executeUpdate() == 1) {
                        return new Redemption.Admitted(stored.get().invitation());
                    }
                }
                // Another browser bound it between our read and our write: the database decided, read its answer.
                stored = find(connection, tokenHash);
            }
            return stored.isPresent() && browserHash.equals(stored.get().browserHash())
                    ? new Redemption.Admitted(stored.get().invitation())
                    : new Redemption.AlreadyUsed();
        } catch (SQLException e) {
            throw failure("read a setup link from", e);
        }
    }

    /** Deletes links that expired before {@code cutoff}; returns how many. */
    public int deleteExpiredBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setObject(1, timestamp(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete expired setup links from", e);
        }
    }

    private record Stored(Invitation invitation, String browserHash) {
    }

    private static Optional<Stored> find(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String direction = row.getString("direction");
                Invitation invitation = new Invitation(row.getString("workspace"), row.getString("agent"),
                        row.getString("customer"), direction == null ? Optional.empty() : known(direction),
                        row.getString("locale"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getObject("expires_at", OffsetDateTime.class).toInstant());
                String browser = row.getString("browser_hash");
                return Optional.of(new Stored(invitation, browser == null ? null : browser.strip()));
            }
        }
    }

    private static Optional<Direction> known(String name) {
        for (Direction direction : Direction.values()) {
            if (direction.name().equals(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_TEXT + " characters");
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private StorageException failure(String action, SQLException e) {
        // Never the token or the statement's values: only what failed and where.
        return new StorageException("setup links: could not " + action + " " + databaseDescription + ": "
                + e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ")", e);
    }
}
