package dev.bcsetup.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs work after Slack has been acknowledged, one task at a time per key: two quick clicks by one
 * merchant are handled and rendered in order, while different merchants proceed in parallel.
 */
final class SerialExecutor implements AutoCloseable {

    private final List<ExecutorService> lanes = new ArrayList<>();

    SerialExecutor(int lanes) {
        for (int i = 0; i < lanes; i++) {
            String name = "slack-" + i;
            this.lanes.add(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    void run(Object key, Runnable task) {
        lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(task);
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
