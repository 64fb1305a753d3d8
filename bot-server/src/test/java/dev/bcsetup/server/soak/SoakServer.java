package dev.bcsetup.server.soak;

import dev.bcsetup.server.BotServer;
import dev.bcsetup.server.Config;
import dev.bcsetup.server.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The bot as the soak runs it: the real {@link BotServer} configured from the environment, alone in its JVM so its
 * heap is its own (the fakes and the merchants keep everything they saw, in the soak's JVM). Told {@code sample} on
 * standard input, it forces a garbage collection and answers with the used heap and the live threads; told
 * {@code threads}, it answers with its threads counted by name; told {@code histogram}, with the classes holding the
 * most heap (after a full collection), as {@code name bytes instances} separated by {@code |}.
 */
public final class SoakServer {

    static final String READY = "soak-server port ";
    static final String REPLY = "soak-reply ";
    private static final int HISTOGRAM_CLASSES = 300;
    /** {@code    1:         12345        1234567  [B (java.base@17)}: instances, bytes, class. */
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private SoakServer() {
    }

    public static void main(String[] args) throws IOException {
        BotServer server = BotServer.start(Config.from(Settings.fromEnvironment(System.getenv())), Clock.systemUTC());
        System.out.println(READY + server.port());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null && !command.equals("stop")) {
            // "sample 12": the number comes back with the answer, so a late answer is never taken for a newer one's.
            String[] words = command.split(" ", 2);
            String id = words.length > 1 ? words[1] : "";
            switch (words[0]) {
                case "sample" -> System.out.println(REPLY + id + " " + usedHeapAfterGc() + " "
                        + ManagementFactory.getThreadMXBean().getThreadCount());
                case "threads" -> System.out.println(REPLY + id + " " + threadsByName());
                case "histogram" -> System.out.println(REPLY + id + " " + histogram());
                default -> System.out.println(REPLY + id + " unknown command");
            }
        }
        server.close();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("soak-server stopped with " + threads.getThreadCount() + " threads");
        // The SDKs' pools are not all daemons.
        System.exit(0);
    }

    /** Live threads by name, numbers blanked out ({@code qtp#-#: 12}), most first. */
    private static String threadsByName() {
        Map<String, Integer> names = new TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum));
        return names.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The heap's biggest classes, from the JVM's own class histogram (the diagnostic command jcmd runs). */
    private static String histogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            List<String> classes = new ArrayList<>();
            Matcher line = HISTOGRAM_LINE.matcher(String.valueOf(text));
            while (line.find() && classes.size() < HISTOGRAM_CLASSES) {
                classes.add(line.group(3) + " " + line.group(2) + " " + line.group(1));
            }
            return String.join("|", classes);
        } catch (JMException e) {
            return "";
        }
    }

    /** The least used heap seen over a few forced collections: what the server really holds. */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return used;
    }
}
