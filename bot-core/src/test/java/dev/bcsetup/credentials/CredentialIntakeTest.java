package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialIntakeTest {

    static final String TOKEN = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p";
    static final String CLIENT_ID = "zyx9w8v7u6t5s4r3q2p1o0n9m8l7k6j";
    static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String PATH = "https://api.bigcommerce.com/stores/abc123/v3/";

    private final CredentialIntake intake = new CredentialIntake();

    @Test
    void acceptsTheThreeFieldsAsShownInThePopUp() {
        Credentials credentials = accepted(CredentialForm.ofFields(PATH, CLIENT_ID, TOKEN));
        assertThat(credentials.storeHash().value()).isEqualTo("abc123");
        assertThat(credentials.clientId().value()).isEqualTo(CLIENT_ID);
        assertThat(credentials.accessToken().value()).isEqualTo(TOKEN);
        assertThat(credentials.apiPath()).isEqualTo(PATH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  https://api.bigcommerce.com/stores/abc123/v3/ \n",
            "\"https://api.bigcommerce.com/stores/abc123/v3/\"",
            "<https://api.bigcommerce.com/stores/abc123/v3/>",
            "<https://api.bigcommerce.com/stores/abc123/v3/|api.bigcommerce.com/stores/abc123/v3/>",
            "https://api.bigcommerce.com/stores/{abc123}/v3/",
            "https://api.bigcommerce.com/stores/{{abc123}}/v3",
            "https://api.bigcommerce.com/stores/abc123/v2/",
            "https://api.bigcommerce.com/stores/abc123/v3",
            "api.bigcommerce.com/stores/abc123/v3/",
            "HTTPS://API.BigCommerce.com/stores/abc123/v3/",
            "\u200Bhttps://api.bigcommerce.com/stores/abc123/v3/\uFEFF",
            "`https://api.bigcommerce.com/stores/abc123/v3/`"
    })
    void normalisesWhatPeopleReallyPaste(String pasted) {
        assertThat(accepted(CredentialForm.ofFields(pasted, CLIENT_ID, TOKEN)).storeHash().value())
                .isEqualTo("abc123");
    }

    @Test
    void trimsSpacesAndQuotesAroundTheKeys() {
        Credentials credentials = accepted(CredentialForm.ofFields(PATH, " '" + CLIENT_ID + "'\n", "\t\"" + TOKEN + "\" "));
        assertThat(credentials.clientId().value()).isEqualTo(CLIENT_ID);
        assertThat(credentials.accessToken().value()).isEqualTo(TOKEN);
    }

    @Test
    void readsTheDownloadedFileInAnyOrder() {
        String file = """
                CLIENT SECRET: %s
                NAME: Migration to BigCommerce
                ACCESS TOKEN: %s
                API PATH: %s
                CLIENT ID: %s
                """.formatted(CLIENT_SECRET, TOKEN, PATH, CLIENT_ID);
        Credentials credentials = accepted(CredentialForm.ofFile(file));
        assertThat(credentials.storeHash().value()).isEqualTo("abc123");
        assertThat(credentials.clientId().value()).isEqualTo(CLIENT_ID);
        assertThat(credentials.accessToken().value()).isEqualTo(TOKEN);
    }

    @Test
    void readsTheFileWhenAChatInputFlattenedItOntoOneLine() {
        String file = "ACCESS TOKEN: " + TOKEN + " CLIENT NAME: shop move CLIENT ID: " + CLIENT_ID
                + " CLIENT SECRET: " + CLIENT_SECRET + " API PATH: <" + PATH + ">";
        Credentials credentials = accepted(CredentialForm.ofFile(file));
        assertThat(credentials.accessToken().value()).isEqualTo(TOKEN);
        assertThat(credentials.clientId().value()).isEqualTo(CLIENT_ID);
    }

    @Test
    void filledFieldsWinOverTheFileWhichFillsTheRest() {
        String otherToken = "q9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h";
        String file = "ACCESS TOKEN: " + otherToken + "\nCLIENT ID: " + CLIENT_ID
                + "\nAPI PATH: https://api.bigcommerce.com/stores/zzz999/v3/";
        Credentials credentials = accepted(new CredentialForm(PATH, "", TOKEN, file));
        assertThat(credentials.storeHash().value()).isEqualTo("abc123");
        assertThat(credentials.accessToken().value()).isEqualTo(TOKEN);
        assertThat(credentials.clientId().value()).isEqualTo(CLIENT_ID);
    }

    @Test
    void rejectsAFileWithoutCredentials() {
        assertThat(problems(CredentialForm.ofFile("Hello, here is my store: mystore.com")))
                .containsExactly(ProblemCode.FILE_WITHOUT_CREDENTIALS);
    }

    @Test
    void rejectsEmptyFieldsEachWithItsOwnMessage() {
        assertThat(problems(CredentialForm.ofFields(" ", null, "\n")))
                .containsExactly(ProblemCode.API_PATH_EMPTY, ProblemCode.CLIENT_ID_EMPTY, ProblemCode.ACCESS_TOKEN_EMPTY);
    }

    @Test
    void rejectsAccountLevelApiPath() {
        assertPathProblem("https://api.bigcommerce.com/accounts/0f5e1a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b/",
                ProblemCode.API_PATH_ACCOUNT_LEVEL);
    }

    @Test
    void rejectsSomethingThatIsNotABigCommerceApiPath() {
        assertPathProblem("https://example.com/stores/abc123/v3/", ProblemCode.API_PATH_NOT_BIGCOMMERCE);
        assertPathProblem("abc123", ProblemCode.API_PATH_NOT_BIGCOMMERCE);
    }

    @Test
    void offersTheApiPathForAControlPanelUrlThatHoldsTheHash() {
        FieldProblem problem = pathProblem("https://store-abc123.mybigcommerce.com/manage/dashboard");
        assertThat(problem.code()).isEqualTo(ProblemCode.API_PATH_CONTROL_PANEL_URL);
        assertThat(problem.problem().params())
                .containsEntry("suggestedPath", "https://api.bigcommerce.com/stores/abc123/v3/");
    }

    @Test
    void explainsWhereToFindThePathForAStorefrontUrl() {
        assertPathProblem("https://my-shop.mybigcommerce.com/", ProblemCode.API_PATH_STORE_URL_WITHOUT_HASH);
        assertPathProblem("https://www.myshop.com/manage/settings", ProblemCode.API_PATH_STORE_URL_WITHOUT_HASH);
        assertPathProblem("https://login.bigcommerce.com/login", ProblemCode.API_PATH_STORE_URL_WITHOUT_HASH);
    }

    @Test
    void rejectsLegacyBasicAuthApiPath() {
        assertPathProblem("https://store/api/v2/", ProblemCode.API_PATH_LEGACY);
        assertPathProblem("https://store-abc123.mybigcommerce.com/api/v2/", ProblemCode.API_PATH_LEGACY);
    }

    @Test
    void rejectsPlainHttp() {
        assertPathProblem("http://api.bigcommerce.com/stores/abc123/v3/", ProblemCode.API_PATH_NOT_HTTPS);
    }

    @Test
    void rejectsAPlaceholderOrMalformedStoreHash() {
        assertPathProblem("https://api.bigcommerce.com/stores/{store_hash}/v3/", ProblemCode.API_PATH_BAD_STORE_HASH);
        assertPathProblem("https://api.bigcommerce.com/stores/ABC123/v3/", ProblemCode.API_PATH_BAD_STORE_HASH);
        assertPathProblem("https://api.bigcommerce.com/stores/ab/v3/", ProblemCode.API_PATH_BAD_STORE_HASH);
    }

    @Test
    void offersTheBarePathWhenMoreWasPastedAfterTheVersion() {
        FieldProblem problem = pathProblem("https://api.bigcommerce.com/stores/abc123/v3/catalog/products");
        assertThat(problem.code()).isEqualTo(ProblemCode.API_PATH_EXTRA_PARTS);
        assertThat(problem.problem().params()).containsEntry("suggestedPath", PATH);
    }

    @Test
    void rejectsAbsurdLengthsAndCharactersInThePath() {
        assertPathProblem(PATH + "x".repeat(400), ProblemCode.API_PATH_TOO_LONG);
        assertPathProblem("https://api.bigcommerce.com/stores/abc123/v3/\r\nX-Injected: 1", ProblemCode.API_PATH_BAD_CHARACTERS);
        assertPathProblem("https://api.bigc\u043Emmerce.com/stores/abc123/v3/", ProblemCode.API_PATH_BAD_CHARACTERS);
        assertPathProblem("https://api.bigcommerce.com/stores/abc%31%32%33/v3/", ProblemCode.API_PATH_BAD_CHARACTERS);
    }

    @Test
    void recognisesTheClientSecretInTheTokenField() {
        assertThat(problems(CredentialForm.ofFields(PATH, CLIENT_ID, CLIENT_SECRET)))
                .containsExactly(ProblemCode.ACCESS_TOKEN_LOOKS_LIKE_CLIENT_SECRET);
    }

    @Test
    void rejectsATokenEqualToTheClientId() {
        assertThat(problems(CredentialForm.ofFields(PATH, CLIENT_ID, CLIENT_ID)))
                .containsExactly(ProblemCode.ACCESS_TOKEN_SAME_AS_CLIENT_ID);
    }

    @Test
    void rejectsKeysOfAbsurdLengthOrCharacters() {
        assertThat(problems(CredentialForm.ofFields(PATH, "abc", "x".repeat(5000))))
                .containsExactly(ProblemCode.CLIENT_ID_BAD_LENGTH, ProblemCode.ACCESS_TOKEN_BAD_LENGTH);
        assertThat(problems(CredentialForm.ofFields(PATH, CLIENT_ID + " " + CLIENT_ID, "Bearer " + TOKEN)))
                .containsExactly(ProblemCode.CLIENT_ID_BAD_CHARACTERS, ProblemCode.ACCESS_TOKEN_BAD_CHARACTERS);
    }

    @Test
    void lengthProblemsNameTheLengthButNeverTheValue() {
        FieldProblem problem = ((IntakeResult.Rejected) intake.check(CredentialForm.ofFields(PATH, CLIENT_ID, "abcdef123")))
                .problems().get(0);
        assertThat(problem.problem().params()).containsExactly(java.util.Map.entry("length", "9"));
    }

    private Credentials accepted(CredentialForm form) {
        IntakeResult result = intake.check(form);
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        return ((IntakeResult.Accepted) result).credentials();
    }

    private List<ProblemCode> problems(CredentialForm form) {
        IntakeResult result = intake.check(form);
        assertThat(result).isInstanceOf(IntakeResult.Rejected.class);
        return ((IntakeResult.Rejected) result).problems().stream().map(FieldProblem::code).toList();
    }

    private FieldProblem pathProblem(String path) {
        IntakeResult result = intake.check(CredentialForm.ofFields(path, CLIENT_ID, TOKEN));
        assertThat(result).isInstanceOf(IntakeResult.Rejected.class);
        List<FieldProblem> problems = ((IntakeResult.Rejected) result).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo(Field.API_PATH);
        return problems.get(0);
    }

    private void assertPathProblem(String path, ProblemCode expected) {
        assertThat(pathProblem(path).code()).as(path).isEqualTo(expected);
    }
}
