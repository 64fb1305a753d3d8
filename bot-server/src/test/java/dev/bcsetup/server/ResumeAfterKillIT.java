package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.server.PlatformMerchant.Shown;
import dev.bcsetup.slack.FakeSlackApi;
import dev.bcsetup.slack.FakeSlackApi.Call;
import dev.bcsetup.store.Database;
import dev.bcsetup.teams.FakeBotConnector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server killed with SIGKILL while merchants are part-way through the guide, in Slack (signed requests,
 * fake Slack Web API), in Teams (emulator mode, fake Bot Connector) and in the playground (the browser's cookie), then
 * started again on the same data folder: each merchant carries on at the step they were on, with the direction and
 * data sets they chose. First one kill at rest, then kills at random moments while clicks are in flight.
 */
class ResumeAfterKillIT {

    private static final int ROUNDS = 6;
    private static final String BOT_TOKEN = "xoxb-3333-4444-KILLTESTBOTTOKEN";
    private static final String SIGNING_SECRET = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path workDir;

    private final Set<Integer> ports = PackagedServer.portRegister();
    private final List<PackagedServer> instances = new ArrayList<>();
    private FakeSlackApi slack;
    private FakeBotConnector connector;

    @BeforeEach
    void startFakes() throws Exception {
        slack = new FakeSlackApi(BOT_TOKEN, "C0GENERAL01");
        connector = new FakeBotConnector();
    }

    @AfterEach
    void stopEverything() {
        instances.forEach(PackagedServer::killIfRunning);
        slack.close();
        connector.close();
        assertThat(slack.problems()).as("payloads Slack would refuse").isEmpty();
    }

    @Test
    void aMerchantKilledMidwayResumesAtTheSameStepWithTheSameChoices() throws Exception {
        PlatformMerchant.Slack inSlack = new PlatformMerchant.Slack(slack, SIGNING_SECRET, "U0RESUME01");
        PlatformMerchant.Teams inTeams = new PlatformMerchant.Teams(connector, "29:1resume-teams", "a:1resume-" + System.nanoTime());
        PlatformMerchant.Web inBrowser = new PlatformMerchant.Web();
        Map<PlatformMerchant, Choice> choices = Map.of(
                inSlack, new Choice("TO_BIGCOMMERCE", List.of("PRODUCTS", "ORDERS")),
                inTeams, new Choice("FROM_BIGCOMMERCE", List.of("CUSTOMERS")),
                inBrowser, new Choice("TO_BIGCOMMERCE", List.of("ORDERS")));

        PackagedServer first = start();
        for (PlatformMerchant merchant : choices.keySet()) {
            merchant.connect(first);
            Choice choice = choices.get(merchant);
            walkToStepTwo(merchant, choice);
            assertThat(merchant.press("next:1").number()).isEqualTo(3);
            Shown four = merchant.press("next:2");
            assertThat(four.number()).isEqualTo(4);
            assertThat(four.text()).contains(choice.suggestedName());
        }
        Call stepMessage = inSlack.last();
        String cardId = inTeams.cardId();
        first.kill();

        PackagedServer second = start();
        choices.keySet().forEach(merchant -> merchant.connect(second));
        int slackMark = slack.calls().size();
        int teamsMark = connector.calls().size();

        // The playground's first request after the restart is the page itself: the same step, the same direction.
        Shown page = inBrowser.status();
        assertThat(page.number()).isEqualTo(4);
        assertThat(page.text()).contains(choices.get(inBrowser).suggestedName());

        for (PlatformMerchant merchant : choices.keySet()) {
            // Step 3's Next, pressed on the message from before the kill: the stale-button answer, showing step 4.
            Shown stale = merchant.press("next:2");
            assertThat(stale.number()).as(merchant.platform() + ": a stale button shows where the merchant is").isEqualTo(4);
            assertThat(stale.text()).contains(choices.get(merchant).suggestedName());
            if (merchant != inSlack) { // Slack says it in an ephemeral message, below
                assertThat(stale.text()).as(merchant.platform() + ": the stale-button notice").contains("belongs to an earlier step");
            }
            // Step 4's Next, from before the kill, still works, and the permissions show the choices made before it.
            Shown five = merchant.press("next:3");
            assertThat(five.number()).as(merchant.platform() + ": Next after the restart").isEqualTo(5);
            assertThat(merchant.scopeRows(five)).as(merchant.platform() + ": the permissions of the choices made before the kill")
                    .containsAll(choices.get(merchant).scopeRows());
        }
        slack.await(slackMark, c -> c.method().equals("chat.postEphemeral") && c.param("text").contains("earlier step"),
                "the stale-button notice in Slack");
        assertThat(connector.calls().subList(teamsMark, connector.calls().size())).as("Teams answers after the restart")
                .anySatisfy(c -> assertThat(c.card().toString()).contains("belongs to an earlier step"))
                .allSatisfy(c -> {
                    assertThat(c.method()).as("every answer replaces the card from before the kill").isEqualTo("PUT");
                    assertThat(c.activityId()).isEqualTo(cardId);
                });

        // Slack: the click names its message, so the bot updates the message from before the kill in place; only a
        // typed command posts the step again, at the bottom of the DM (the in-memory pointer to it died with the process).
        List<Call> afterRestart = slack.calls().subList(slackMark, slack.calls().size());
        assertThat(afterRestart).filteredOn(c -> c.method().equals("chat.postMessage")).as("nothing posted anew by a click").isEmpty();
        assertThat(afterRestart).filteredOn(c -> c.method().equals("chat.update"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.param("ts")).isEqualTo(stepMessage.param("ts")));
        Shown typed = inSlack.status();
        assertThat(typed.number()).isEqualTo(5);
        assertThat(inSlack.last().method()).isEqualTo("chat.postMessage");
        assertThat(inSlack.last().param("ts")).isNotEqualTo(stepMessage.param("ts"));
        second.stop();

        assertThat(storedSessions()).containsOnly(
                Map.entry("SLACK", new Stored(5, "TO_BIGCOMMERCE", Set.of("PRODUCTS", "ORDERS"))),
                Map.entry("TEAMS", new Stored(5, "FROM_BIGCOMMERCE", Set.of("CUSTOMERS"))),
                Map.entry("WEB", new Stored(5, "TO_BIGCOMMERCE", Set.of("ORDERS"))));
    }

    @Test
    void aKillDuringAClickLeavesTheMerchantOneStepBeforeOrAfterItNeverLost() throws Exception {
        Random random = new Random();
        List<PlatformMerchant> merchants = List.of(
                new PlatformMerchant.Slack(slack, SIGNING_SECRET, "U0INFLIGHT1"),
                new PlatformMerchant.Teams(connector, "29:1inflight-teams", "a:1inflight-" + System.nanoTime()),
                new PlatformMerchant.Web());
        Choice choice = new Choice("FROM_BIGCOMMERCE", List.of("PRODUCTS", "CUSTOMERS"));
        PackagedServer server = start();
        Map<PlatformMerchant, Integer> at = new HashMap<>();
        for (PlatformMerchant merchant : merchants) {
            merchant.connect(server);
            at.put(merchant, walkToStepTwo(merchant, choice).number());
        }

        List<String> outcomes = new ArrayList<>();
        int clicks = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<Walker> walkers = merchants.stream().map(m -> new Walker(m, at.get(m))).toList();
            walkers.forEach(Walker::start);
            Thread.sleep(300 + random.nextInt(1200)); // the kill's moment, at random while the walkers click
            server.kill();
            for (Walker walker : walkers) {
                walker.finish();
                clicks += walker.clicks();
            }

            server = start();
            for (Walker walker : walkers) {
                walker.merchant().connect(server);
                int resumed = walker.merchant().status().number();
                String label = "round " + round + ", " + walker.merchant().platform() + ": last step shown " + walker.shown()
                        + walker.inFlight().map(step -> ", a click towards " + step + " in flight").orElse(", no click in flight")
                        + ", resumed at " + resumed;
                assertThat(walker.possibleSteps()).as(label).contains(resumed);
                outcomes.add(label + (walker.inFlight().isEmpty() ? "" : resumed == walker.shown() ? " (before the click)" : " (after it)"));
                at.put(walker.merchant(), resumed);
            }
        }
        server.stop();

        outcomes.forEach(line -> System.out.println("ResumeAfterKillIT: " + line));
        System.out.printf("ResumeAfterKillIT: %d kills, %d clicks answered; at the kills %d of %d merchants had a click in"
                + " flight%n", ROUNDS, clicks, outcomes.stream().filter(line -> line.contains("in flight,")).count(), outcomes.size());
        Set<String> dataSets = Set.copyOf(choice.dataSets());
        assertThat(storedSessions()).as("the choices made before the first kill").containsOnly(
                Map.entry("SLACK", new Stored(at.get(merchants.get(0)), choice.direction(), dataSets)),
                Map.entry("TEAMS", new Stored(at.get(merchants.get(1)), choice.direction(), dataSets)),
                Map.entry("WEB", new Stored(at.get(merchants.get(2)), choice.direction(), dataSets)));
    }

    private PackagedServer start() {
        PackagedServer server = PackagedServer.start(workDir, Map.of("DATA_DIR", workDir.resolve("data").toString(),
                        "SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slack.url()),
                ports, line -> line.contains("ERROR") || line.contains(" WARN ") && !line.contains("EMULATOR MODE"));
        instances.add(server);
        return server;
    }

    /** Opens the guide, picks the direction, ticks the data sets and goes on to step 2. */
    private static Shown walkToStepTwo(PlatformMerchant merchant, Choice choice) {
        assertThat(merchant.begin().number()).isEqualTo(1);
        Shown chosen = merchant.press("choose_direction:0:" + choice.direction());
        assertThat(chosen.number()).isEqualTo(1);
        Shown two = merchant.press("next:0", choice.dataSets());
        assertThat(two.number()).as(merchant.platform() + " on step 2").isEqualTo(2);
        return two;
    }

    /** Every stored session, by platform, once no instance runs. */
    private Map<String, Stored> storedSessions() throws SQLException {
        Map<String, Stored> sessions = new HashMap<>();
        try (Database database = Database.open(Optional.empty(), workDir.resolve("data"));
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT platform, step, direction, data_sets FROM sessions")) {
            while (rows.next()) {
                Stored previous = sessions.put(rows.getString(1),
                        new Stored(rows.getInt(2) + 1, rows.getString(3), Set.of(rows.getString(4).split(","))));
                assertThat(previous).as("one setup per platform").isNull();
            }
        }
        return sessions;
    }

    /** A stored session as the test reads it: the step's number (1-based), the direction and the data sets. */
    private record Stored(int number, String direction, Set<String> dataSets) {
    }

    /** What a merchant chose on step 1, and what that makes the guide say later. */
    private record Choice(String direction, List<String> dataSets) {

        String suggestedName() {
            return direction.equals("TO_BIGCOMMERCE") ? "Migration to BigCommerce" : "Migration from BigCommerce";
        }

        /** The permissions step's rows for the three data sets, as {@link PlatformMerchant#scopeRows} reads them. */
        List<String> scopeRows() {
            String access = direction.equals("TO_BIGCOMMERCE") ? "Modify" : "Read-only";
            return List.of("PRODUCTS", "CUSTOMERS", "ORDERS").stream()
                    .map(set -> set.charAt(0) + set.substring(1).toLowerCase() + ": " + access + " ("
                            + (dataSets.contains(set) ? "required" : "optional") + ")")
                    .toList();
        }
    }

    /**
     * One merchant clicking on through steps 2 to 6 and back again as fast as the bot answers, on its own thread,
     * until its instance dies; it knows the last step the bot showed and the step a click still in flight aims at.
     */
    private static final class Walker {

        private final PlatformMerchant merchant;
        private final Thread thread;
        private volatile boolean stopped;
        private volatile int shown;
        private volatile int inFlight;
        private volatile int clicks;
        private volatile Throwable failure;

        Walker(PlatformMerchant merchant, int from) {
            this.merchant = merchant;
            this.shown = from;
            this.thread = new Thread(this::walk, "walker-" + merchant.platform());
        }

        void start() {
            thread.start();
        }

        private void walk() {
            boolean forward = true;
            try {
                while (!stopped) {
                    forward = forward ? shown < 6 : shown <= 2;
                    inFlight = forward ? shown + 1 : shown - 1;
                    int answered = merchant.press((forward ? "next:" : "back:") + (shown - 1), List.of(), () -> stopped).number();
                    if (answered != inFlight) {
                        throw new AssertionError(merchant.platform() + ": a click from step " + shown + " showed step " + answered);
                    }
                    shown = answered;
                    inFlight = 0;
                    clicks++;
                }
            } catch (PlatformMerchant.NoAnswer e) {
                // the instance died under the click: that is the point
            } catch (RuntimeException | AssertionError e) {
                failure = e;
            }
        }

        /** Stops clicking (the instance is dead by now) and waits for the thread. */
        void finish() throws InterruptedException {
            stopped = true;
            thread.join(60_000);
            assertThat(thread.isAlive()).as(merchant.platform() + " walker still running").isFalse();
            if (failure != null) {
                throw new AssertionError(merchant.platform() + " walker failed", failure);
            }
        }

        PlatformMerchant merchant() {
            return merchant;
        }

        int shown() {
            return shown;
        }

        int clicks() {
            return clicks;
        }

        Optional<Integer> inFlight() {
            return inFlight == 0 ? Optional.empty() : Optional.of(inFlight);
        }

        /** Where the merchant may be after the kill: where they were, or where the click in flight leads. */
        List<Integer> possibleSteps() {
            return inFlight == 0 ? List.of(shown) : List.of(shown, inFlight);
        }
    }
}
