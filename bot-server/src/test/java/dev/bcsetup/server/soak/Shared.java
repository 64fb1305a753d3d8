package dev.bcsetup.server.soak;

import dev.bcsetup.credentials.fake.FakeBigCommerce;
import dev.bcsetup.flow.Access;

/**
 * What every merchant of a soak shares: the plan, the tally, the secrets handed out, the fake BigCommerce where
 * each journey's store and API account are created, and the two deadlines (no new journeys after {@code loadEnd},
 * nothing more at all after {@code drainEnd}, both {@link System#nanoTime} values).
 */
record Shared(SoakPlan plan, Tally tally, Secrets secrets, FakeBigCommerce bigCommerce, long loadEnd, long drainEnd) {

    boolean loading() {
        return System.nanoTime() < loadEnd;
    }

    boolean inTime() {
        return System.nanoTime() < drainEnd;
    }

    /** The merchant's store and the API accounts they created in its control panel: one right, one read-only. */
    void provide(Journey journey) {
        bigCommerce.store(journey.storeHash, "Soak Store " + journey.label, journey.storeHash + ".example", "Plus", "live")
                .token(journey.token, journey.storeHash, FakeBigCommerce.everyScope(Access.MODIFY))
                .token(journey.readOnlyToken, journey.storeHash, FakeBigCommerce.everyScope(Access.READ_ONLY));
        secrets.add(journey.token);
        secrets.add(journey.readOnlyToken);
        secrets.add(journey.clientId);
        tally.journey(journey);
    }
}
