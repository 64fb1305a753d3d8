package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started the way the README says: {@code java -jar}, in an empty folder, nothing configured. */
class JarStartupIT {

    private static ProcessBuilder javaJar(Path workDir, Map<String, String> env) {
        assertThat(PackagedServer.jar()).as("the packaged jar (run mvn verify)").exists();
        return PackagedServer.javaJar(workDir, env);
    }

    @Test
    void startsWithNothingConfiguredAndServesThePlayground(@TempDir Path workDir) throws Exception {
        int port = PackagedServer.freePort(PackagedServer.portRegister());
        Process process = javaJar(workDir, Map.of("PORT", Integer.toString(port))).start();
        List<String> output = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.contains("Ready in")) {
                    break;
                }
            }
            assertThat(output).as("start-up log").anyMatch(l -> l.contains("Ready in"))
                    .anyMatch(l -> l.contains("playground at http://127.0.0.1:" + port + "/"));

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Step 1 of 7");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aMalformedVariableStopsStartUpWithOneLineNamingIt(@TempDir Path workDir) throws Exception {
        Process process = javaJar(workDir, Map.of("PORT", "eighty")).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.lines()).containsExactly(
                "Configuration error: PORT must be a number from 0 to 65535 (0 picks a free port), got 'eighty'");
        assertThat(Files.list(workDir)).isEmpty();
    }

    @Test
    void aTakenPortStopsStartUpWithOneLineSayingWhatToDo(@TempDir Path workDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process process = javaJar(workDir, Map.of("PORT", Integer.toString(taken.getLocalPort()))).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output).contains("ERROR Main - Could not start: port " + taken.getLocalPort()
                    + " is taken by another program. Stop it, or set PORT to another port (0 picks a free one).");
            assertThat(output).doesNotContain("Exception in thread").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnreachableDatabaseStopsStartUpWithOneLineNamingIt(@TempDir Path workDir) throws Exception {
        int closed = PackagedServer.freePort(PackagedServer.portRegister());
        Process process = javaJar(workDir, Map.of("PORT", "0",
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/bot?user=bot&password=hunter2")).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).containsPattern("ERROR Main - Could not start: could not prepare the session tables in"
                + " PostgreSQL at 127\\.0\\.0\\.1:" + closed + "/bot: .+\\. Check DATABASE_URL");
        assertThat(output).doesNotContain("Exception in thread").doesNotContain("hunter2");
    }
}
