package dev.bcsetup.bench;

import dev.bcsetup.server.BotServer;
import dev.bcsetup.server.Config;
import dev.bcsetup.server.Settings;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The real server as the journey tests start it, and the bare HTTP server the baselines sit behind. */
final class BenchServers {

    /** 32 zero bytes: a well-formed CREDENTIALS_KEY for a bench run, never used elsewhere. */
    private static final String BENCH_KEY = "bench:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private BenchServers() {
    }

    /** The bot on a free loopback port with its own data folder; {@code keyValues} alternate names and values. */
    static BotServer bot(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        try {
            env.put("DATA_DIR", Files.createTempDirectory("bench-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("PORT", "0");
        env.put("BIND_ADDRESS", "127.0.0.1");
        env.put("CREDENTIALS_KEY", BENCH_KEY);
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return BotServer.start(Config.from(Settings.of(env)), Clock.systemUTC());
    }

    /** Javalin configured as BotServer configures it, with one POST route. */
    static Javalin bare(String path, Handler handler) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.routes.post(path, handler);
        }).start();
    }
}
