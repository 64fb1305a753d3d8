package dev.bcsetup.server;

import dev.bcsetup.store.StorageException;
import io.javalin.util.JavalinBindException;
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
        BotServer server;
        try {
            server = BotServer.start(config, Clock.systemUTC());
        } catch (StorageException e) {
            log.error("Could not start: {}. Check DATABASE_URL and that the database accepts connections; an H2 file"
                    + " is held by one running bot at a time.", e.getMessage());
            System.exit(1);
            return;
        } catch (JavalinBindException e) {
            log.error("Could not start: port {} is taken by another program. Stop it, or set PORT to another port"
                    + " (0 picks a free one).", config.port());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        StartupReport.log(log, config, server, (System.nanoTime() - started) / 1_000_000);
    }
}
