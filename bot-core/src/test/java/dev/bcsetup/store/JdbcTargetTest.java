package dev.bcsetup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcTargetTest {

    @Test
    void takesPostgresCredentialsOutOfTheAuthority() {
        JdbcTarget target = JdbcTarget.parse("jdbc:postgresql://bot:p%40ss+word@db.internal:5432/setup?sslmode=require");

        assertThat(target.kind()).isEqualTo(JdbcTarget.Kind.POSTGRESQL);
        assertThat(target.url()).isEqualTo("jdbc:postgresql://db.internal:5432/setup?sslmode=require");
        assertThat(target.user()).contains("bot");
        assertThat(target.password()).contains("p@ss+word");
        assertThat(target.description()).isEqualTo("PostgreSQL at db.internal:5432/setup");
    }

    @Test
    void takesPostgresCredentialsOutOfTheParameters() {
        JdbcTarget target = JdbcTarget.parse("jdbc:postgresql://a:5432,b:5432/setup?user=bot&ssl=true&password=x%26y");

        assertThat(target.url()).isEqualTo("jdbc:postgresql://a:5432,b:5432/setup?ssl=true");
        assertThat(target.user()).contains("bot");
        assertThat(target.password()).contains("x&y");
    }

    @Test
    void leavesAPostgresUrlWithoutCredentialsAsItIs() {
        JdbcTarget target = JdbcTarget.parse("jdbc:postgresql://localhost/setup");

        assertThat(target.url()).isEqualTo("jdbc:postgresql://localhost/setup");
        assertThat(target.user()).isEmpty();
        assertThat(target.password()).isEmpty();
    }

    @Test
    void takesH2CredentialsOutAndAddsThePostgresCompatibilityMode() {
        JdbcTarget target = JdbcTarget.parse("jdbc:h2:file:/srv/bot/sessions;user=sa;PASSWORD=secret");

        assertThat(target.kind()).isEqualTo(JdbcTarget.Kind.H2);
        assertThat(target.url()).isEqualTo("jdbc:h2:file:/srv/bot/sessions;" + JdbcTarget.H2_COMPATIBILITY);
        assertThat(target.user()).contains("sa");
        assertThat(target.password()).contains("secret");
    }

    @Test
    void keepsAnH2ModeChosenInTheUrl() {
        assertThat(JdbcTarget.parse("jdbc:h2:mem:x;MODE=PostgreSQL").url()).isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
    }

    @Test
    void knowsWhichDatabasesLiveInThisProcess() {
        assertThat(JdbcTarget.h2File(Path.of("/var/lib/bot")).embedded()).isTrue();
        assertThat(JdbcTarget.parse("jdbc:h2:mem:x").embedded()).isTrue();
        assertThat(JdbcTarget.parse("jdbc:h2:tcp://db.example.com/sessions").embedded()).isFalse();
        assertThat(JdbcTarget.parse("jdbc:postgresql://db.example.com/sessions").embedded()).isFalse();
        assertThat(JdbcTarget.h2File(Path.of("/var/lib/bot")).file()).isTrue();
        assertThat(JdbcTarget.parse("jdbc:h2:mem:x").file()).isFalse();
        assertThat(JdbcTarget.parse("jdbc:h2:tcp://db.example.com/sessions").file()).isFalse();
    }

    @Test
    void putsTheDefaultH2FileUnderTheDataDirectory() {
        JdbcTarget target = JdbcTarget.h2File(Path.of("/var/lib/bot"));

        assertThat(target.url()).isEqualTo("jdbc:h2:file:/var/lib/bot/sessions;" + JdbcTarget.H2_COMPATIBILITY);
        assertThat(target.description()).isEqualTo("the H2 database file /var/lib/bot/sessions.mv.db");
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        JdbcTarget target = JdbcTarget.parse("jdbc:postgresql://bot:hunter2@db/setup");

        assertThat(target.toString()).doesNotContain("hunter2");
    }

    @Test
    void refusesOtherUrlsWithoutRepeatingThem() {
        assertThatThrownBy(() -> JdbcTarget.parse("postgres://bot:hunter2@db/setup"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }
}
