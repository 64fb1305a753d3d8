package dev.bcsetup.server.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The soak, short enough for every build: 50 merchants (half Slack, half Teams) walking whole journeys for 70 s
 * while the database is cut and Slack, the Bot Connector and BigCommerce fail, hang and throttle, each once. It holds
 * the bot to invariants, never to speed: every receipt is a hand-off delivered once to the webhook and both
 * engineers' channels, nothing is stored in silence, every journey ends with a receipt, no answer is a 5xx, no
 * secret shows, and the heap and threads settle near where they started.
 */
class SoakIT {

    @Test
    void merchantsThroughEveryFaultLoseNothingAndGetNoServerError() throws Exception {
        SoakReport report = Soak.run(SoakPlan.ci(), System.out);
        System.out.println(report.table());
        report.log().firstErrors().forEach(line -> System.out.println("  server: " + line));
        report.log().warningKinds().forEach((kind, count) -> System.out.println("  warned " + count + " x: " + kind));
        report.stuck().forEach(journey -> System.out.println("  stuck: " + journey));
        report.memory().heapGrowth().forEach(line -> System.out.println("  heap grew: " + line));
        System.out.println("  threads at the start: " + report.memory().threadsAtStart());
        System.out.println("  threads at the end: " + report.memory().threadsAtEnd());
        assertThat(report.violations()).as("invariants the soak broke").isEmpty();
    }
}
