package dev.bcsetup.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs work after Slack has been acknowledged, one task at a time per key: two quick clicks by one
 * merchant are handled and rendered in order, while different merchants proceed in parallel. It knows
 * which keys have work waiting, so a task can leave to a later one what that one will redo anyway.
 */
final class SerialExecutor implements AutoCloseable {

    private final List<ExecutorService> lanes = new ArrayList<>();
    /** Tasks queued but not yet started, per key; a key with none is absent. */
    private final Map<Object, Integer> waiting = new ConcurrentHashMap<>();

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
        waiting.merge(key, 1, Integer::sum);
        try {
            lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(() -> {
                started(key);
                task.run();
            });
        } catch (RejectedExecutionException e) {
            started(key); // closed: it never will
            throw e;
        }
    }

    private void started(Object key) {
        waiting.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
    }

    /** Whether another task for {@code key} is queued behind the ones started (it will run on the same lane, later). */
    boolean hasQueued(Object key) {
        return waiting.containsKey(key);
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
