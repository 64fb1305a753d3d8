package dev.bcsetup.handoff;

import dev.bcsetup.credentials.Credentials;
import java.util.Optional;

/**
 * A place hand-offs are delivered to through the outbox: the signed webhook, or an engineers' channel (a
 * {@link HandOffNotifier}). Delivery is at least once, so a destination must tolerate a repeat.
 */
public interface Destination {

    /** Stable across restarts: outbox entries refer to it. */
    String name();

    DeliveryResult deliver(Parcel parcel);

    /** What is delivered: the record, the masked notice, and the credentials while they are stored. */
    record Parcel(HandOff handOff, HandOffNotice notice, Optional<Credentials> credentials) {
        @Override
        public String toString() {
            return "Parcel[" + handOff.reference() + "]";
        }
    }

    /** A {@link HandOffNotifier} as a destination: a throw means "try again later". */
    static Destination of(HandOffNotifier notifier) {
        return new Destination() {
            @Override
            public String name() {
                return notifier.destination();
            }

            @Override
            public DeliveryResult deliver(Parcel parcel) {
                try {
                    notifier.deliver(parcel.notice());
                    return new DeliveryResult.Delivered();
                } catch (RuntimeException e) {
                    // The class only: an exception message might quote what the channel was sent.
                    return new DeliveryResult.Retry(Optional.empty(), e.getClass().getSimpleName());
                }
            }
        };
    }
}
