package dev.bcsetup.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    @Test
    void writesOneLinePerEventToStandardOutputWithJettyAndJavalinQuietBelowWarn() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LogSetup.configureConsole(context);
            context.getLogger("dev.bcsetup.server.Main").info("Ready in {} ms", 1234);
            context.getLogger("dev.bcsetup.server.Main").debug("not shown at INFO");
            context.getLogger("org.eclipse.jetty.server.Server").info("jetty chatter");
            context.getLogger("io.javalin.Javalin").info("javalin chatter");
            context.getLogger("org.eclipse.jetty.server.Server").warn("jetty trouble");
        } finally {
            System.setOut(original);
            context.stop();
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  Main - Ready in 1234 ms");
        assertThat(lines[1]).matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} WARN  Server - jetty trouble");
    }

    @Test
    void leavesItToAFileNamedOnTheCommandLineOrATestConfiguration() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            assertThat(LogSetup.fileTakesOver(null, bare)).isFalse();
            assertThat(LogSetup.fileTakesOver("elsewhere.xml", bare)).isTrue();
        }
        // In the reactor build bot-core's test classes, with their logback-test.xml, are on this module's class path.
        assertThat(LogSetup.fileTakesOver(null, getClass().getClassLoader()))
                .isEqualTo(getClass().getClassLoader().getResource("logback-test.xml") != null);
    }
}
