package dev.bcsetup.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bcsetup.store.EmbeddedPostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TcpFaultProxyTest {

    @Test
    void relaysUntilCutThenRelaysAgainAfterRestore() throws Exception {
        try (EmbeddedPostgresDatabase postgres = EmbeddedPostgresDatabase.start();
             TcpFaultProxy proxy = TcpFaultProxy.to(postgres.port())) {
            String url = EmbeddedPostgresDatabase.jdbcUrl(proxy.port());
            try (Connection before = DriverManager.getConnection(url)) {
                assertThat(answer(before)).isEqualTo(1);
                proxy.cut();
                assertThatThrownBy(() -> answer(before)).isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url).close()).isInstanceOf(SQLException.class);
            assertThat(proxy.refused()).isPositive();

            proxy.restore();
            try (Connection after = DriverManager.getConnection(url)) {
                assertThat(answer(after)).isEqualTo(1);
            }
            assertThat(proxy.accepted()).isEqualTo(2);
        }
    }

    private static int answer(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
