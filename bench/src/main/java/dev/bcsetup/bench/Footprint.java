package dev.bcsetup.bench;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.Status;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.store.SessionRepository;
import dev.bcsetup.store.SessionStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Heap per idle session in the cache, start-up of the real jar to ready, and the jar's size. */
final class Footprint {

    private static final double SESSION_GOAL_BYTES = 2048;
    private static final double STARTUP_GOAL_MS = 2000;

    private Footprint() {
    }

    static List<Row> run(Plan plan) throws Exception {
        System.out.println("Footprint");
        List<Row> rows = new ArrayList<>();
        rows.add(sessions(plan.sessions()));
        Path jar = Path.of(System.getProperty("bench.jar", "../bot-server/target/bigcommerce-setup.jar")).normalize();
        rows.add(startup(jar, plan.starts()));
        rows.add(jarSize(jar));
        return rows;
    }

    /** Retained heap of {@code count} sessions in the SessionStore's cache, against the same store empty. */
    static Row sessions(int count) {
        SessionStore store = new SessionStore(new Forgetful(), 100_000, Duration.ofHours(1));
        long empty = usedHeapAfterGc();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            // Slack-shaped ids, a workspace shared by many merchants, as in a real install.
            SessionKey key = SessionKey.own(Platform.SLACK, String.format("T0ACME%03d", i % 100), String.format("U0M%07d", i));
            Session session = Session.begin(key, "en", null, 1, now.plusMillis(i))
                    .withDirection(Direction.TO_BIGCOMMERCE, now.plusMillis(i))
                    .withDataSets(EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS), now.plusMillis(i))
                    .atStep(3, Status.ACTIVE, now.plusMillis(i + 1));
            store.save(session, 0);
        }
        long full = usedHeapAfterGc();
        Reference.reachabilityFence(store);
        double perSession = (full - empty) / (double) count;
        System.out.printf("  %,d sessions: %.0f bytes each (empty store: %.1f MB used heap)%n", count, perSession, empty / 1e6);
        return Row.of(String.format("Heap per idle session, %,d in the SessionStore cache", count),
                String.format("%.0f B", perSession), String.format("%.1f MB heap with the store empty", empty / 1e6),
                "", "<= 2 KB each", perSession <= SESSION_GOAL_BYTES);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Time from starting {@code java -jar} to the first 200 from /readyz, beside a hello world's whole run. */
    static Row startup(Path jar, int starts) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        long[] bot = new long[starts];
        long[] hello = new long[starts];
        for (int i = 0; i < starts; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java, "-cp", classpath, Hello.class.getName())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
            hello[i] = System.nanoTime() - start;
            bot[i] = botStart(java, jar);
        }
        double botMs = median(bot);
        double helloMs = median(hello);
        System.out.printf("  start-up to ready: %.0f ms (hello world: %.0f ms), median of %d%n", botMs, helloMs, starts);
        return Row.of(String.format("Start-up of the jar to first 200 from /readyz (median of %d)", starts),
                Row.ms(botMs), Row.ms(helloMs) + " java -cp hello world", Row.times(botMs / helloMs), "<= 2 s",
                botMs <= STARTUP_GOAL_MS);
    }

    private static long botStart(String java, Path jar) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("bench-start");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("MICROSOFT_") || name.startsWith("HANDOFF_")
                || name.equals("DATABASE_URL") || name.equals("PUBLIC_BASE_URL") || name.equals("CONFIG_FILE")
                || name.equals("CREDENTIALS_KEY") || name.equals("ENGINEERS"));
        env.put("PORT", Integer.toString(port));
        env.put("DATA_DIR", data.toString());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return System.nanoTime() - start;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the jar exited with " + process.exitValue() + " before it was ready");
                }
                sleep(5);
            }
            throw new IllegalStateException("the jar was not ready within 60 s");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    static Row jarSize(Path jar) throws IOException {
        long size = Files.size(jar);
        long own = 0;
        for (String part : System.getProperty("bench.ownJars", "").split(",")) {
            if (!part.isBlank() && Files.exists(Path.of(part))) {
                own += Files.size(Path.of(part));
            }
        }
        System.out.printf("  runnable jar: %.1f MB (the project's own four jars: %.1f MB)%n", size / 1e6, own / 1e6);
        return Row.info("Size of the runnable jar", String.format("%.1f MB", size / 1e6),
                String.format("%.1f MB our own code and resources, unshaded", own / 1e6),
                own == 0 ? "" : Row.times(size / (double) own));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Storage that accepts every write and keeps nothing, so only the cache's share of the heap is measured. */
    private static final class Forgetful implements SessionRepository {
        @Override
        public Optional<Session> find(SessionKey key) {
            return Optional.empty();
        }

        @Override
        public boolean save(Session session, long expectedVersion) {
            return true;
        }

        @Override
        public int deleteIdleSince(Instant cutoff) {
            return 0;
        }
    }
}
