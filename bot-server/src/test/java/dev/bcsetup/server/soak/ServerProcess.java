package dev.bcsetup.server.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SoakServer} in a JVM of its own, started with exactly the configuration given (nothing inherited from
 * this process's environment). Its log is read as it comes: warnings and errors are counted, the first errors kept,
 * and every line is shown to a {@link Secrets} scan.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
    private static final int ERRORS_KEPT = 20;

    /** One sample: when (ms since the soak began), the used heap after a forced GC, and the live threads. */
    record Sample(long atMillis, long usedBytes, int threads) {
        double usedMb() {
            return usedBytes / 1e6;
        }
    }

    private final String name;
    private final Process process;
    private final Writer commands;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    /** One question at a time; not the monitor the log reader takes, so a reply is never held up behind a question. */
    private final Object asking = new Object();
    private final AtomicLong questions = new AtomicLong();
    private final AtomicInteger warnings = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final List<String> firstErrors = new ArrayList<>();
    private final Map<String, Integer> warningKinds = new TreeMap<>();
    private final Secrets secrets;

    private ServerProcess(String name, Process process, Secrets secrets) {
        this.name = name;
        this.process = process;
        this.secrets = secrets;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "soak-" + name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server with {@code env} as its whole environment and waits until it listens. */
    static ServerProcess start(String name, Map<String, String> env, Secrets secrets) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-Dlogback.configurationFile=soak-logback.xml",
                "-cp", System.getProperty("java.class.path"), SoakServer.class.getName()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        ServerProcess server;
        try {
            server = new ServerProcess(name, builder.start(), secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " server", e);
        }
        try {
            server.port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException("the " + name + " server did not start: " + server.firstErrors(), e);
        }
        return server;
    }

    int port() {
        return port.join();
    }

    /** Forces a collection in the server and reads its heap and threads. */
    Sample sample(long soakStartNanos) {
        String[] parts = ask("sample").split(" ");
        return new Sample((System.nanoTime() - soakStartNanos) / 1_000_000, Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
    }

    /** The classes holding the most of the server's heap after a full collection: name to bytes and instances. */
    Map<String, long[]> histogram() {
        Map<String, long[]> classes = new HashMap<>();
        for (String entry : ask("histogram").split("\\|")) {
            String[] parts = entry.split(" ");
            if (parts.length == 3) {
                classes.put(parts[0], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return classes;
    }

    /** The server's live threads counted by name, most first. */
    String threadsByName() {
        return ask("threads");
    }

    private String ask(String command) {
        synchronized (asking) {
            return askNow(command);
        }
    }

    private String askNow(String command) {
        try {
            String id = Long.toString(questions.incrementAndGet());
            commands.write(command + " " + id + "\n");
            commands.flush();
            long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String reply = replies.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (reply != null && reply.startsWith(id + " ")) {
                    return reply.substring(id.length() + 1);
                }
            }
            throw new IllegalStateException("the " + name + " server did not answer " + command);
        } catch (IOException e) {
            throw new UncheckedIOException("the " + name + " server is gone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the " + name + " server", e);
        }
    }

    int warnings() {
        return warnings.get();
    }

    int errors() {
        return errors.get();
    }

    /** Warnings by the class that logged them and what they say, numbers blanked out. */
    synchronized Map<String, Integer> warningKinds() {
        return new TreeMap<>(warningKinds);
    }

    synchronized List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(SoakServer.READY)) {
                    port.complete(Integer.parseInt(line.substring(SoakServer.READY.length()).strip()));
                } else if (line.startsWith(SoakServer.REPLY)) {
                    replies.add(line.substring(SoakServer.REPLY.length()).strip());
                } else {
                    logLine(line);
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
        port.completeExceptionally(new IllegalStateException("the " + name + " server stopped"));
    }

    private void logLine(String line) {
        secrets.scan(name + " log", line);
        String[] parts = line.split(" ", 3);
        String level = parts.length > 1 ? parts[1] : "";
        if (level.equals("WARN")) {
            warnings.incrementAndGet();
            // Warnings by what they say, numbers and ids blanked out, so a hundred alike count as one kind.
            String kind = parts[2].replaceAll("[0-9]+", "#").replaceAll("[A-Za-z0-9:_-]*#[A-Za-z0-9:#_-]*", "#");
            synchronized (this) {
                warningKinds.merge(kind.length() > 160 ? kind.substring(0, 160) : kind, 1, Integer::sum);
            }
        } else if (level.equals("ERROR") || !line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")) {
            // An error, or a line that is not the log's own (a stack trace, the JVM complaining).
            if (level.equals("ERROR")) {
                errors.incrementAndGet();
            }
            synchronized (this) {
                if (firstErrors.size() < ERRORS_KEPT) {
                    firstErrors.add(line);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            commands.write("stop\n");
            commands.flush();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
