package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.Scope;
import dev.bcsetup.flow.ScopePlan;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BigCommerceValidatorTest {

    static final String HASH = "abc123";
    static final String TOKEN = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p";
    static final String CLIENT_ID = "zyx9w8v7u6t5s4r3q2p1o0n9m8l7k6j";
    static final ScopePlan TO_BC_ALL = ScopePlan.forMigration(Direction.TO_BIGCOMMERCE, EnumSet.allOf(DataSet.class));
    static final ScopePlan FROM_BC_ALL = ScopePlan.forMigration(Direction.FROM_BIGCOMMERCE, EnumSet.allOf(DataSet.class));

    private final FakeBigCommerce fake = FakeBigCommerce.start()
            .store(HASH, "Plant Shop", "plants.example", "Plus", "live")
            .store("zzz999", "Other Shop", "other.example", "Standard", "live");
    private final HttpClient client = BigCommerceValidator.httpClient(Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void tokenWithEveryScopeOnModifyIsValidForAMigrationToBigCommerce() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.VALID);
        assertThat(report.store()).hasValue(new StoreInfo("Plant Shop", "plants.example", "Plus", "live"));
        assertThat(report.scopes()).allSatisfy(check -> assertThat(check.status()).isEqualTo(
                check.scope() == Scope.INFORMATION_AND_SETTINGS ? ScopeStatus.MODIFY_NOT_PROVABLE : ScopeStatus.GRANTED));
        assertThat(report.fixes()).isEmpty();
        assertThat(codes(report.notes())).containsExactly(ProblemCode.SCOPE_MODIFY_NOT_PROVABLE, ProblemCode.CLIENT_ID_FORMAT_ONLY);
    }

    @Test
    void readOnlyScopesAreEnoughToMigrateFromBigCommerceAndNothingIsWritten() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.READ_ONLY));
        ValidationReport report = validate(FROM_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.VALID);
        assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeStatus.GRANTED);
        assertThat(fake.requests()).extracting(FakeBigCommerce.RecordedRequest::method).containsOnly("GET");
    }

    @Test
    void readOnlyScopesWhereModifyIsNeededAreReportedWithAFix() {
        Map<Scope, Access> scopes = FakeBigCommerce.everyScope(Access.MODIFY);
        scopes.put(Scope.PRODUCTS, Access.READ_ONLY);
        scopes.put(Scope.CUSTOMERS, Access.READ_ONLY);
        fake.token(TOKEN, HASH, scopes);
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.NEEDS_FIXING);
        assertThat(status(report, Scope.PRODUCTS)).isEqualTo(ScopeStatus.READ_ONLY);
        assertThat(status(report, Scope.CUSTOMERS)).isEqualTo(ScopeStatus.READ_ONLY);
        assertThat(status(report, Scope.ORDERS)).isEqualTo(ScopeStatus.GRANTED);
        assertThat(report.fixes()).containsExactly(
                Problem.of(ProblemCode.SCOPE_READ_ONLY, "scope", "Customers"),
                Problem.of(ProblemCode.SCOPE_READ_ONLY, "scope", "Products"),
                Problem.of(ProblemCode.RECREATE_API_ACCOUNT, "scopes", "Content: Modify, Customers: Modify, "
                        + "Information & Settings: Modify, Marketing: Modify, Orders: Modify, Products: Modify, "
                        + "Channel Settings: Modify, Channel Listings: Modify"));
    }

    @Test
    void missingScopeIsReportedByItsControlPanelName() {
        Map<Scope, Access> scopes = FakeBigCommerce.everyScope(Access.READ_ONLY);
        scopes.remove(Scope.ORDERS);
        fake.token(TOKEN, HASH, scopes);
        ValidationReport report = validate(FROM_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.NEEDS_FIXING);
        assertThat(status(report, Scope.ORDERS)).isEqualTo(ScopeStatus.MISSING);
        assertThat(report.fixes()).first().isEqualTo(
                new Problem(ProblemCode.SCOPE_MISSING, Map.of("scope", "Orders", "access", "Read-only")));
        assertThat(codes(report.fixes())).contains(ProblemCode.RECREATE_API_ACCOUNT);
    }

    @Test
    void missingOptionalScopeIsOnlyANote() {
        Map<Scope, Access> scopes = FakeBigCommerce.everyScope(Access.READ_ONLY);
        scopes.remove(Scope.ORDERS);
        fake.token(TOKEN, HASH, scopes);
        ValidationReport report = validate(ScopePlan.forMigration(Direction.FROM_BIGCOMMERCE, EnumSet.of(DataSet.PRODUCTS)));

        assertThat(report.outcome()).isEqualTo(Outcome.VALID);
        assertThat(report.notes()).contains(Problem.of(ProblemCode.OPTIONAL_SCOPE_MISSING, "scope", "Orders"));
    }

    @Test
    void revokedTokenIsRejected() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        fake.revoke(TOKEN);
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.TOKEN_REJECTED);
        assertThat(codes(report.fixes())).containsExactly(ProblemCode.TOKEN_REJECTED);
    }

    @Test
    void anotherStoresTokenIsToldApart() {
        fake.token(TOKEN, "zzz999", FakeBigCommerce.everyScope(Access.MODIFY));
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.WRONG_STORE);
        assertThat(report.fixes()).containsExactly(Problem.of(ProblemCode.TOKEN_FOR_OTHER_STORE, "storeHash", HASH));
    }

    @Test
    void stencilCliTokenIsRecognised() {
        fake.stencilToken(TOKEN, HASH);
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.STENCIL_TOKEN);
        assertThat(codes(report.fixes())).containsExactly(ProblemCode.STENCIL_TOKEN, ProblemCode.RECREATE_API_ACCOUNT);
    }

    @Test
    void rateLimitedProbesAreRetriedAfterTheResetTime() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        fake.rateLimit(6, Duration.ofMillis(400));
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.VALID);
        assertThat(fake.requests().size()).isGreaterThan(ProbePlan.forPlan(TO_BC_ALL).size());
    }

    @Test
    void rateLimitWithoutHeadersIsBackedOffThenRetried() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        fake.rateLimitNext(5, false);
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void endlessRateLimitingEndsBeforeTheDeadlineAndSaysSo() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        fake.rateLimitNext(10_000, true);
        ValidationReport report = validator(fake.origin(), Duration.ofMillis(900)).validate(credentials(), TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.BIGCOMMERCE_UNAVAILABLE);
        assertThat(codes(report.fixes())).containsExactly(ProblemCode.RATE_LIMITED);
    }

    @Test
    void bigCommerceDownIsNotBlamedOnTheToken() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        fake.unavailable(true);
        ValidationReport report = validate(TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.BIGCOMMERCE_UNAVAILABLE);
        assertThat(codes(report.fixes())).containsExactly(ProblemCode.BIGCOMMERCE_UNAVAILABLE);
    }

    @Test
    void slowerThanTheDeadlineIsATimeoutNotAWrongToken() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        fake.latency(Duration.ofSeconds(3));
        ValidationReport report = validator(fake.origin(), Duration.ofMillis(400)).validate(credentials(), TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.BIGCOMMERCE_UNAVAILABLE);
        assertThat(report.fixes()).containsExactly(Problem.of(ProblemCode.BIGCOMMERCE_TIMEOUT, "seconds", "1"));
        assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void refusedConnectionIsReportedAsBigCommerceUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ValidationReport report = validator(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2))
                .validate(credentials(), TO_BC_ALL);

        assertThat(report.outcome()).isEqualTo(Outcome.BIGCOMMERCE_UNAVAILABLE);
        assertThat(codes(report.fixes())).containsExactly(ProblemCode.BIGCOMMERCE_UNAVAILABLE);
    }

    @Test
    void probesOnlyReadOrPostAnEmptyBodyAndNeverSendTheClientId() {
        fake.token(TOKEN, HASH, FakeBigCommerce.everyScope(Access.MODIFY));
        validate(TO_BC_ALL);

        assertThat(fake.requests()).hasSize(ProbePlan.forPlan(TO_BC_ALL).size()).allSatisfy(request -> {
            assertThat(request.method()).isIn("GET", "POST");
            assertThat(request.body()).isIn("", "{}");
            assertThat(request.header("X-Auth-Token")).isEqualTo(TOKEN);
            assertThat(request.header("X-Auth-Client")).isNull();
            assertThat(request.path()).startsWith("/stores/" + HASH + "/v");
        });
    }

    @Test
    void refusesAnHttpClientThatFollowsRedirects() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> new BigCommerceValidator(fake.origin(), following, Clock.systemUTC(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redirects");
    }

    @Test
    void refusesAnApiOriginWithAPath() {
        assertThatThrownBy(() -> new BigCommerceRequests(URI.create("https://api.bigcommerce.com/stores/abc123/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIGCOMMERCE_API_URL");
    }


    static Credentials credentials() {
        return new Credentials(new StoreHash(HASH), new ClientId(CLIENT_ID), new AccessToken(TOKEN));
    }

    private ValidationReport validate(ScopePlan plan) {
        return validator(fake.origin(), Duration.ofSeconds(5)).validate(credentials(), plan);
    }

    private BigCommerceValidator validator(URI origin, Duration deadline) {
        return new BigCommerceValidator(origin, client, Clock.systemUTC(), deadline);
    }

    private static ScopeStatus status(ValidationReport report, Scope scope) {
        return report.scopes().stream().filter(c -> c.scope() == scope).findFirst().orElseThrow().status();
    }

    private static List<ProblemCode> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }
}
