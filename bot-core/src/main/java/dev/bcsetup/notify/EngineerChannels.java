package dev.bcsetup.notify;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The engineers' channel registered from a chat, one per platform, durable in {@code engineer_channels} so that
 * it survives a restart and every instance posts to the same place. Who may register is decided before this is
 * called ({@code EngineerActions.mayRegisterChannel}); this only keeps the answer.
 */
public final class EngineerChannels {

    /** A registered channel: the platform's conversation id, where to send to it, who registered it and when. */
    public record Registered(String conversationId, String serviceUrl, String registeredBy, Instant registeredAt) {

        public Registered {
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(serviceUrl, "serviceUrl");
            Objects.requireNonNull(registeredBy, "registeredBy");
            Objects.requireNonNull(registeredAt, "registeredAt");
        }
    }

    private static final int MAX_ID = 512;
    private static final String FIND = "SELECT conversation_id, service_url, registered_by, registered_at"
            + " FROM engineer_channels WHERE platform = ?";
    private static final String DELETE = "DELETE FROM engineer_channels WHERE platform = ?";
    private static final String INSERT = "INSERT INTO engineer_channels (platform, conversation_id, service_url,"
            + " registered_by, registered_at) VALUES (?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String databaseDescription;
    private final Clock clock;

    public EngineerChannels(Database database, Clock clock) {
        this.dataSource = database.dataSource();
        this.databaseDescription = database.description();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The channel registered for {@code platform}, if any. */
    public Optional<Registered> find(Platform platform) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, platform.name());
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Registered(row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw failure("read the engineers' channel from", e);
        }
    }

    /** Makes this the channel for {@code platform}, replacing any registered before; returns what was stored. */
    public Registered register(Platform platform, String conversationId, String serviceUrl, String registeredBy) {
        Registered registered = new Registered(limited(conversationId, "conversationId"),
                limited(serviceUrl, "serviceUrl"), limited(registeredBy, "registeredBy"),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(DELETE);
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                delete.setString(1, platform.name());
                delete.executeUpdate();
                insert.setString(1, platform.name());
                insert.setString(2, registered.conversationId());
                insert.setString(3, registered.serviceUrl());
                insert.setString(4, registered.registeredBy());
                insert.setObject(5, registered.registeredAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return registered;
        } catch (SQLException e) {
            throw failure("save the engineers' channel in", e);
        }
    }

    private static String limited(String value, String name) {
        if (value == null || value.isBlank() || value.length() > MAX_ID) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_ID + " characters");
        }
        return value;
    }

    private StorageException failure(String action, SQLException e) {
        return new StorageException("engineers' channels: could not " + action + " " + databaseDescription + ": "
                + e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ")", e);
    }
}
