package dev.bcsetup.fault;

/**
 * A gate a fake service's handler passes through before answering: open normally, shut while the service
 * "hangs". A held request waits until the gate opens again (or the waiting thread is interrupted), so the
 * caller sees a connection that accepts and never answers, as a stuck upstream looks from outside.
 */
public final class Outage {

    private boolean holding;

    /** Holds every request that arrives from now on. */
    public synchronized void begin() {
        holding = true;
    }

    /** Lets held requests, and every later one, through. */
    public synchronized void end() {
        holding = false;
        notifyAll();
    }

    /** Returns at once when open; otherwise waits for {@link #end()}. */
    public synchronized void await() {
        while (holding) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
