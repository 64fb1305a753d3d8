package dev.bcsetup.server;

import dev.bcsetup.conversation.Conversation;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.notify.LogNotifier;
import dev.bcsetup.server.playground.Playground;
import dev.bcsetup.store.InMemorySessionRepository;
import dev.bcsetup.store.SessionStore;
import dev.bcsetup.teams.TeamsApp;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running bot: wiring, HTTP routes and the housekeeping schedule. */
public final class BotServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);
    /** An untouched setup expires after this long; the merchant then starts again. */
    static final Duration SESSION_IDLE_TIMEOUT = Duration.ofDays(7);
    private static final SessionKey READINESS_PROBE = SessionKey.own(Platform.WEB, "readiness", "probe");

    private final Javalin app;
    private final List<ExecutorService> executors;

    private BotServer(Javalin app, List<ExecutorService> executors) {
        this.app = app;
        this.executors = executors;
    }

    /** Builds every part from the configuration and starts listening. */
    public static BotServer start(Config config, Clock clock) {
        FlowLibrary flows = FlowLibrary.standard();
        Conversation conversation = new Conversation(flows, clock, SESSION_IDLE_TIMEOUT);
        SessionStore store = new SessionStore(new InMemorySessionRepository(), 100_000, Duration.ofHours(1));
        ExecutorService followUps = Executors.newFixedThreadPool(4, daemon("follow-up"));
        TeamsApp teams = TeamsRoute.app(config);
        Conversations conversations = new Conversations(conversation, store,
                List.of(new LogNotifier(), teams.engineerNotifier()), followUps);
        TeamsRoute teamsRoute = new TeamsRoute(teams.endpoint(conversations));
        Playground playground = new Playground(conversations, new SecureRandom());
        Assets assets = new Assets();

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.bindAddress();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            cfg.routes.get("/readyz", ctx -> ready(ctx, store));
            cfg.routes.get("/assets/{name}", assets::serve);
            cfg.routes.post("/api/messages", teamsRoute::handle);
            if (config.localMode()) {
                cfg.routes.get("/", playground::show);
                cfg.routes.post("/playground", playground::act);
            }
            cfg.routes.error(404, ctx -> {
                if (!ErrorPages.written(ctx)) {
                    ErrorPages.send(ctx, HttpStatus.NOT_FOUND, "Nothing here. The playground is at / in local mode.");
                }
            });
            cfg.routes.error(405, ctx -> ErrorPages.send(ctx, HttpStatus.METHOD_NOT_ALLOWED, "That method is not allowed here."));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                ErrorPages.send(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.");
            });
        }).start();

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("housekeeping"));
        housekeeping.scheduleWithFixedDelay(() -> purge(store, clock), 1, 60, TimeUnit.MINUTES);
        return new BotServer(app, List.of(housekeeping, followUps));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        executors.forEach(ExecutorService::shutdownNow);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void ready(Context ctx, SessionStore store) {
        try {
            store.find(READINESS_PROBE);
            ctx.json(Map.of("status", "ready"));
        } catch (RuntimeException e) {
            LOG.warn("Not ready: session storage unreachable ({})", e.getClass().getSimpleName());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "session storage unreachable"));
        }
    }

    private static void purge(SessionStore store, Clock clock) {
        try {
            int deleted = store.deleteIdleSince(clock.instant().minus(SESSION_IDLE_TIMEOUT));
            if (deleted > 0) {
                LOG.info("Deleted {} setups untouched for {} days", deleted, SESSION_IDLE_TIMEOUT.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired setups this time", e);
        }
    }
}
