package dev.bcsetup.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The packaged jar run as its own process, the way the README starts it ({@code java -jar}), for tests that
 * kill it: each start listens on a port no earlier start of the same test used, so a request meant for a
 * killed instance can never reach the next one.
 */
final class PackagedServer {

    /** Every variable of the configuration contract, removed so the child sees none of the developer's settings. */
    static final List<String> CONTRACT = List.of("PORT", "PUBLIC_BASE_URL", "DATABASE_URL", "CREDENTIALS_KEY",
            "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL", "MICROSOFT_APP_ID",
            "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE", "MICROSOFT_OPENID_METADATA_URL",
            "BIGCOMMERCE_API_URL", "HANDOFF_SLACK_CHANNEL", "HANDOFF_TEAMS_CHANNEL", "HANDOFF_WEBHOOK_URL",
            "HANDOFF_WEBHOOK_SECRET", "ENGINEERS", "BIND_ADDRESS", "DATA_DIR", "CONFIG_FILE", "HANDOFF_RETENTION_DAYS",
            "HANDOFF_PURGE_GRACE_HOURS");
    /** Start-up takes about 2 s on an idle machine and 4 to 8 s on a busy one; this is for a very busy one. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final List<String> output;

    private PackagedServer(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** The jar under test: built by {@code mvn package}, named by the failsafe configuration. */
    static Path jar() {
        return Path.of(System.getProperty("bot.jar", "target/bigcommerce-setup.jar")).toAbsolutePath();
    }

    /** {@code java -jar} in {@code workDir} with only {@code env} set, not started yet. */
    static ProcessBuilder javaJar(Path workDir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()).directory(workDir.toFile()).redirectErrorStream(true);
        CONTRACT.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        return builder;
    }

    /** Starts the jar with {@code env} on a fresh port and waits for "Ready in"; lines matching {@code echo} are printed. */
    static PackagedServer start(Path workDir, Map<String, String> env, Set<Integer> usedPorts, Predicate<String> echo) {
        int port = freePort(usedPorts);
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("PORT", Integer.toString(port));
        Process process;
        try {
            process = javaJar(workDir, withPort).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch readyOrGone = new CountDownLatch(1);
        AtomicBoolean ready = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.contains("Ready in")) {
                        ready.set(true);
                        readyOrGone.countDown();
                    }
                    if (echo.test(line)) {
                        System.out.println("  server " + process.pid() + ": " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process died: that is what these tests do to it
            } finally {
                readyOrGone.countDown();
            }
        }, "server-output-" + port);
        reader.setDaemon(true);
        reader.start();
        PackagedServer server = new PackagedServer(process, port, output);
        try {
            if (!readyOrGone.await(START_PATIENCE.toSeconds(), TimeUnit.SECONDS) || !ready.get()) {
                process.destroyForcibly();
                throw new AssertionError("the server did not start within " + START_PATIENCE.toSeconds() + " s; it said:\n"
                        + String.join("\n", output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while the server started", e);
        }
        return server;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Everything the process has printed so far. */
    List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL ({@link Process#destroyForcibly} on Linux): no shutdown hook runs; returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit("SIGKILL");
    }

    /** For clean-up after a failed test: kills the process unless it is gone already. */
    void killIfRunning() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** SIGTERM: the shutdown hook closes the server and its database; returns once the process is gone. */
    void stop() {
        process.destroy();
        awaitExit("SIGTERM");
    }

    private void awaitExit(String signal) {
        try {
            if (!process.waitFor(EXIT_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server was still running " + EXIT_PATIENCE.toSeconds() + " s after " + signal);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the server stopped", e);
        }
    }

    /** A port free now and not in {@code used}, which it is added to. */
    static int freePort(Set<Integer> used) {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (used.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A set for {@link #freePort(Set)} and {@link #start} that several threads may share. */
    static Set<Integer> portRegister() {
        return ConcurrentHashMap.newKeySet();
    }
}
