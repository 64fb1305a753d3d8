package dev.bcsetup.server;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the bot from the environment: {@code java -jar bigcommerce-setup.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Config config;
        try {
            config = Config.from(Settings.fromEnvironment(System.getenv()));
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        BotServer server = BotServer.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        StartupReport.log(log, config, server, (System.nanoTime() - started) / 1_000_000);
    }
}
