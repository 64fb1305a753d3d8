package dev.bcsetup.fault;

/**
 * A gate a fake service's handler passes through before answering: open normally, shut while the service
 * "hangs". A held request waits until the gate opens again (or the waiting thread is interrupted), so the
 * caller sees a connection that accepts and never answers, as a stuck upstream looks from outside.
 */
public final class Outage {

    private boolean holding;
    private int held;

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
        held++;
        try {
            while (holding) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held--;
        }
    }

    /** How many requests are waiting at the gate now, so a test knows its request reached the stuck service. */
    public synchronized int held() {
        return holding ? held : 0;
    }
}
