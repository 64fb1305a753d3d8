package dev.bcsetup.server.soak;

import java.time.Duration;
import java.util.Random;

/**
 * A simulated merchant: journey after journey while the load lasts, at a person's pace. Platform subclasses walk a
 * journey by reading what the bot shows and pressing what a person would press; after a failure they wait a little
 * and try again, and after a report that BigCommerce could not be reached they wait out most of an outage.
 */
abstract class Merchant implements Runnable {

    protected final int number;
    protected final Shared shared;
    protected final Tally tally;
    protected final Random random;

    Merchant(int number, Shared shared) {
        this.number = number;
        this.shared = shared;
        this.tally = shared.tally();
        this.random = new Random(shared.plan().seed() * 1_000 + number);
    }

    @Override
    public final void run() {
        // People arrive over the first seconds, not all in the same millisecond.
        sleep(random.nextInt(3_000));
        for (int n = 1; shared.loading(); n++) {
            Journey journey = journey(n);
            shared.provide(journey);
            try {
                walk(journey);
            } catch (RuntimeException | AssertionError e) {
                // The soak's own mistake, not the bot's: counted and shown, so it gets fixed.
                tally.stumbled(journey, e);
            }
        }
    }

    /** The {@code n}-th journey of this merchant: a new person with a new store. */
    abstract Journey journey(int n);

    /** Walks until a receipt, an abandonment, or the end of the soak. */
    abstract void walk(Journey journey);

    /** Time between reading a screen and pressing a button. */
    protected void think() {
        sleep(300 + random.nextInt(600));
    }

    /** After a failure, before the same press again. */
    protected void pause() {
        sleep(2_000 + random.nextInt(2_000));
    }

    protected void pause(Duration atLeast) {
        sleep(atLeast.toMillis() + random.nextInt(2_000));
    }

    protected long patience() {
        return shared.plan().patience().toMillis();
    }

    /** How long a merchant waits for a live check's result before asking where things stand. */
    protected long checkPatience() {
        return 30_000;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
