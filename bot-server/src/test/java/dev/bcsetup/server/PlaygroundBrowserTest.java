package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.Scope;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A merchant in headless Chromium walks the whole playground flow in both directions. Needs Debian's
 * {@code chromium} and {@code chromium-driver}: skipped loudly without them, except under CI=true,
 * where {@code .ci/run} installs them and their absence is a failure.
 */
class PlaygroundBrowserTest {

    @TempDir
    static Path dataDir;

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final String TOKEN = "abcdefghij0123456789klmnopqrstu";
    private static final String READ_ONLY_TOKEN = "readonly0123456789abcdefghijklm";
    private static final String CLIENT_ID = "zyxwvutsrq9876543210ponmlkjihgf";

    private static FakeBigCommerce bigCommerce;
    private static BotServer server;
    private static String base;
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + ": .ci/run installs them, so their absence under CI is a failure");
            }
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        Map<Scope, Access> modify = FakeBigCommerce.everyScope(Access.MODIFY);
        Map<Scope, Access> readOnly = FakeBigCommerce.everyScope(Access.READ_ONLY);
        bigCommerce = FakeBigCommerce.start()
                .store("abc123", "Plant Parlour", "plantparlour.example", "Plus", "live")
                .token(TOKEN, "abc123", modify)
                .token(READ_ONLY_TOKEN, "abc123", readOnly);
        server = BotServer.start(TestConfig.local(dataDir, "BIGCOMMERCE_API_URL", bigCommerce.origin().toString()),
                Clock.systemUTC());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (bigCommerce != null) {
            bigCommerce.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,1400",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(System.getProperty("java.io.tmpdir"), "chromedriver-playground.log"))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMerchantMovingIntoBigCommerceWalksEveryStepAndGoesBackOnce() {
        browser.get(base + "/");
        seeStep(1, "What are we migrating?", "overview.png");
        assertThat(text("#notice")).contains("create the BigCommerce API account");

        click("choose_direction:0:TO_BIGCOMMERCE");
        assertThat(browser.findElement(By.cssSelector("#direction button.selected")).getText()).contains("Into BigCommerce");
        List<WebElement> boxes = browser.findElements(By.cssSelector("#data-sets input[type=checkbox]"));
        assertThat(boxes).hasSize(3).allMatch(WebElement::isSelected);
        browser.findElement(By.cssSelector("#data-sets input[value=CUSTOMERS]")).click();

        click("next:0");
        seeStep(2, "Open the API accounts page", "open-api-accounts.png");
        assertThat(text("#step-body")).contains("Store-level API accounts").contains("high-risk permissions");

        click("next:1");
        seeStep(3, "Choose the token type", "token-type.png");
        assertThat(text("#step-body")).contains("V2/V3 API token").contains("Stencil-CLI token");

        click("back:2");
        seeStep(2, "Open the API accounts page", "open-api-accounts.png");

        click("next:1");
        seeStep(3, "Choose the token type", "token-type.png");
        click("next:2");
        seeStep(4, "Name the account", "account-name.png");
        assertThat(text("#step-body")).contains("Migration to BigCommerce").contains("at least 4 characters");

        click("next:3");
        seeStep(5, "Set the permissions", "scopes-modify.png");
        screenshot("step-5-scopes");
        assertThat(scopeRows()).containsExactly(
                "Content Modify required", "Customers Modify optional", "Information & Settings Modify required",
                "Marketing Modify required", "Orders Modify required", "Products Modify required",
                "Channel Settings Modify required", "Channel Listings Modify required");

        click("next:4");
        seeStep(6, "Save, then keep your credentials", "save-and-copy.png");
        assertThat(text("#step-body")).contains("appears only once");

        click("next:5");
        seeStep(7, "Hand over your credentials", "hand-over.png");
        assertThat(text("#notice")).contains("open the secure form");
        assertThat(browser.findElements(By.cssSelector("button[value^='next:']"))).isEmpty();

        click("open_form:6");
        assertThat(browser.findElement(By.id("access_token")).getAttribute("type")).isEqualTo("password");
        browser.findElement(By.id("api_path")).sendKeys("https://store-abc123.mybigcommerce.com/manage/dashboard");
        browser.findElement(By.id("client_id")).sendKeys(CLIENT_ID);
        browser.findElement(By.id("access_token")).sendKeys(TOKEN);
        submitForm();
        screenshot("form-rejected");
        assertThat(text("#api_path-error")).contains("control panel")
                .contains("https://api.bigcommerce.com/stores/abc123/v3/");
        assertThat(browser.getPageSource()).doesNotContain(TOKEN);

        browser.findElement(By.id("pasted_file")).sendKeys("CLIENT NAME: Migration to BigCommerce\n"
                + "API PATH: https://api.bigcommerce.com/stores/abc123/v3/\nCLIENT ID: " + CLIENT_ID
                + "\nCLIENT SECRET: " + "0123456789abcdef".repeat(4) + "\nACCESS TOKEN: " + TOKEN + "\n");
        submitForm();
        screenshot("report-valid");
        assertThat(text("#report-headline")).contains("All set").contains("Plant Parlour");
        assertThat(text("#report-store")).contains("plantparlour.example");
        assertThat(browser.findElements(By.cssSelector("#report-scopes tr.problem"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(TOKEN);
    }

    @Test
    void aReadOnlyTokenForAMigrationIntoBigCommerceGetsFixItLinesAndATryAgainButton() {
        browser.get(base + "/");
        click("choose_direction:0:TO_BIGCOMMERCE");
        click("go_to:6");
        seeStep(7, "Hand over your credentials", "hand-over.png");
        click("open_form:6");
        browser.findElement(By.id("api_path")).sendKeys("<https://api.bigcommerce.com/stores/{abc123}/v2>");
        browser.findElement(By.id("client_id")).sendKeys(" " + CLIENT_ID + " ");
        browser.findElement(By.id("access_token")).sendKeys(READ_ONLY_TOKEN);
        submitForm();

        screenshot("report-read-only");
        assertThat(text("#report-headline")).contains("some scopes need fixing");
        assertThat(browser.findElements(By.cssSelector("#report-scopes tr.problem"))).isNotEmpty();
        assertThat(text("#report-fixes")).contains("Create API token").contains("delete the old account");

        click("open_form:6");
        assertThat(browser.findElement(By.id("credential-form")).isDisplayed()).isTrue();
    }

    @Test
    void aMerchantLeavingBigCommerceSeesReadOnlyScopesAndCanAskForHelp() {
        browser.get(base + "/");
        click("choose_direction:0:FROM_BIGCOMMERCE");
        click("next:0");
        seeStep(2, "Open the API accounts page", "open-api-accounts.png");

        click("help:1");
        assertThat(text("#help h2")).isEqualTo("Help: Open the API accounts page");
        seeStep(2, "Open the API accounts page", "open-api-accounts.png");

        click("go_to:4");
        seeStep(5, "Set the permissions", "scopes-read-only.png");
        assertThat(text("#step-body")).contains("Read-only");
        assertThat(scopeRows()).allMatch(row -> row.contains("Read-only")).allMatch(row -> row.endsWith("required"));

        click("next:4");
        click("next:5");
        seeStep(7, "Hand over your credentials", "hand-over.png");

        click("stuck:6");
        assertThat(text(".notice")).contains("asked the migration team");
        seeStep(7, "Hand over your credentials", "hand-over.png");
    }

    @Test
    void aReturningMerchantResumesWhereTheyLeftOff() {
        browser.get(base + "/");
        click("choose_direction:0:TO_BIGCOMMERCE");
        click("next:0");
        click("next:1");

        browser.get(base + "/");

        seeStep(3, "Choose the token type", "token-type.png");
    }

    /** With -Dplayground.screenshots=DIR, keeps a PNG of the page for a person to look at. */
    private void screenshot(String name) {
        String dir = System.getProperty("playground.screenshots");
        if (dir == null) {
            return;
        }
        try {
            Path target = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void seeStep(int number, String title, String picture) {
        assertThat(text("#progress")).isEqualTo("Step " + number + " of 7");
        assertThat(text("#step-title")).isEqualTo(title);
        WebElement image = browser.findElement(By.id("step-picture"));
        assertThat(image.getAttribute("src")).endsWith("/assets/" + picture);
        assertThat(image.getAttribute("alt")).hasSizeGreaterThan(20);
        Object loadedWidth = ((JavascriptExecutor) browser).executeScript(
                "const i = arguments[0]; return i.complete ? i.naturalWidth : 0;", image);
        assertThat(((Number) loadedWidth).intValue()).as("%s loaded", picture).isGreaterThan(0);
    }

    /** Presses a button and waits for the page the redirect leads to, so no assertion reads the old page. */
    private void click(String action) {
        press(By.cssSelector("button[name=action][value='" + action + "']"));
    }

    private void submitForm() {
        press(By.id("submit-credentials"));
    }

    /**
     * Marks the current document, presses, and waits for a new, fully loaded one: the POST and its
     * redirect replace the document, and the mark goes with the old one.
     */
    private void press(By button) {
        ((JavascriptExecutor) browser).executeScript("window.previousPage = true;");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .until(driver -> {
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    return Boolean.TRUE.equals(js.executeScript(
                            "return window.previousPage === undefined && document.readyState === 'complete'"
                                    + " && document.querySelector('main') !== null"));
                });
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private List<String> scopeRows() {
        return browser.findElements(By.cssSelector("#scope-table tbody tr")).stream()
                .map(row -> row.getText().strip()).toList();
    }
}
