package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.ScopePlan;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No secret reaches a log line, an exception message or a {@code toString()}. */
class SecretLeakTest {

    private static final String TOKEN = BigCommerceValidatorTest.TOKEN;
    private static final String SECRET = CredentialIntakeTest.CLIENT_SECRET;
    private static final String HASH = BigCommerceValidatorTest.HASH;
    private static final ScopePlan PLAN = ScopePlan.forMigration(Direction.TO_BIGCOMMERCE, EnumSet.allOf(DataSet.class));

    private final FakeBigCommerce fake = FakeBigCommerce.start()
            .store(HASH, "Plant Shop", "plants.example", "Plus", "live");
    private final HttpClient client = BigCommerceValidator.httpClient(Duration.ofSeconds(1));
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.bcsetup");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void restore() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(true);
        fake.close();
    }

    @Test
    void noSecretInAnyLogLineWhateverHappens() throws Exception {
        Credentials credentials = BigCommerceValidatorTest.credentials();
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.READ_ONLY));
        validator(fake.origin(), Duration.ofSeconds(5)).validate(credentials, PLAN);
        fake.rateLimitNext(3, true);
        validator(fake.origin(), Duration.ofSeconds(5)).validate(credentials, PLAN);
        fake.latency(Duration.ofSeconds(2));
        validator(fake.origin(), Duration.ofMillis(200)).validate(credentials, PLAN);
        fake.latency(Duration.ZERO);
        fake.revoke(TOKEN);
        validator(fake.origin(), Duration.ofSeconds(5)).validate(credentials, PLAN);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        validator(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2)).validate(credentials, PLAN);
        CredentialIntake intake = new CredentialIntake();
        intake.check(CredentialForm.ofFields(TOKEN, SECRET, SECRET));
        intake.check(CredentialForm.ofFile("ACCESS TOKEN: " + TOKEN + "\nCLIENT SECRET: " + SECRET));

        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            assertThat(everythingIn(event)).doesNotContain(TOKEN).doesNotContain(SECRET);
        }
    }

    @Test
    void noSecretInAnyToString() {
        Credentials credentials = BigCommerceValidatorTest.credentials();
        CredentialForm form = new CredentialForm(TOKEN, SECRET, TOKEN, "ACCESS TOKEN: " + TOKEN + "\nCLIENT SECRET: " + SECRET);
        IntakeResult accepted = new CredentialIntake().check(CredentialForm.ofFields(
                "https://api.bigcommerce.com/stores/abc123/v3/", BigCommerceValidatorTest.CLIENT_ID, TOKEN));
        IntakeResult rejected = new CredentialIntake().check(form);
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        ValidationReport report = validator(fake.origin(), Duration.ofSeconds(5)).validate(credentials, PLAN);

        for (Object value : List.of(credentials, credentials.accessToken(), form, accepted, rejected, report)) {
            assertThat(value.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        }
        assertThat(credentials.toString()).contains(HASH);
    }

    @Test
    void noSecretInExceptionMessages() {
        assertThatThrownBy(() -> new StoreHash(TOKEN + "/../"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThatThrownBy(() -> new Credentials(new StoreHash(HASH), null, new AccessToken(TOKEN)))
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(TOKEN));
    }

    private BigCommerceValidator validator(URI origin, Duration deadline) {
        return new BigCommerceValidator(origin, client, Clock.systemUTC(), deadline);
    }

    private static String everythingIn(ILoggingEvent event) {
        List<String> parts = new ArrayList<>();
        parts.add(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            parts.add(t.getClassName() + ": " + t.getMessage());
        }
        event.getMDCPropertyMap().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("\n", parts);
    }
}
