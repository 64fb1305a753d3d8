package dev.bcsetup.server;

import dev.bcsetup.conversation.Conversation;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.credentials.BigCommerceValidator;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.handoff.EngineerActions;
import dev.bcsetup.handoff.HandOffNotifier;
import dev.bcsetup.invite.Invitations;
import dev.bcsetup.notify.EngineerNotifier;
import dev.bcsetup.notify.LogNotifier;
import dev.bcsetup.server.playground.Playground;
import dev.bcsetup.slack.SlackApp;
import dev.bcsetup.store.Database;
import dev.bcsetup.store.JdbcSessionRepository;
import dev.bcsetup.store.SessionStore;
import dev.bcsetup.store.StorageException;
import dev.bcsetup.teams.SetupLinks;
import dev.bcsetup.notify.EngineerChannels;
import dev.bcsetup.teams.TeamsApp;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running bot: wiring, HTTP routes and the housekeeping schedule. */
public final class BotServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);
    /** An untouched setup expires after this long; the merchant then starts again. */
    static final Duration SESSION_IDLE_TIMEOUT = Duration.ofDays(7);

    private final Javalin app;
    private final List<ExecutorService> executors;
    private final Database database;
    private final HandOffSetup handOffs;

    private BotServer(Javalin app, List<ExecutorService> executors, Database database, HandOffSetup handOffs) {
        this.app = app;
        this.executors = executors;
        this.database = database;
        this.handOffs = handOffs;
    }

    /** Builds every part from the configuration and starts listening. */
    public static BotServer start(Config config, Clock clock) {
        return start(config, clock, List.of());
    }

    /**
     * As {@link #start(Config, Clock)}, with more engineers' channels for hand-offs beside those built here
     * (tests, and channels that are not part of an adapter).
     */
    public static BotServer start(Config config, Clock clock, List<HandOffNotifier> extraHandOffNotifiers) {
        // Opening the database (and migrating it) is the longest step of start-up and needs nothing else: it runs
        // on its own thread while the parts that need no database are built here.
        FutureTask<Database> opening = new FutureTask<>(() -> Database.open(config.databaseUrl(), config.dataDirectory()));
        new Thread(opening, "database-open").start();
        FlowLibrary flows;
        BigCommerceValidator validator;
        Optional<SlackApp> slack;
        Metrics metrics;
        try {
            flows = FlowLibrary.standard();
            validator = new BigCommerceValidator(config.bigCommerceApiUrl(),
                    BigCommerceValidator.httpClient(Duration.ofSeconds(5)), clock, BigCommerceValidator.DEFAULT_DEADLINE);
            // Slack answers at POST /slack/events (or over Socket Mode), Teams at POST /api/messages; each brings
            // its engineer notifier beside the log's.
            slack = SlackEndpoint.from(config, flows);
            metrics = new Metrics();
        } catch (RuntimeException | Error e) {
            closeOnceOpen(opening);
            throw e;
        }
        Database database = opened(opening);
        Conversation conversation = new Conversation(flows, clock, SESSION_IDLE_TIMEOUT);
        SessionStore store = new SessionStore(new JdbcSessionRepository(database), 100_000, Duration.ofHours(1));
        ExecutorService followUps = Executors.newFixedThreadPool(4, daemon("follow-up"));
        TeamsApp teams = TeamsRoute.app(config, new EngineerChannels(database, clock));
        List<EngineerNotifier> notifiers = new ArrayList<>(List.of(new LogNotifier(), teams.engineerNotifier()));
        slack.flatMap(SlackApp::notifier).ifPresent(notifiers::add);
        // Engineers' channels that hear of each hand-off: the Slack and Teams adapters add their HandOffNotifier here.
        List<HandOffNotifier> handOffNotifiers = new ArrayList<>(extraHandOffNotifiers);
        if (config.teams().isPresent() || config.handoffTeamsChannel().isPresent()) {
            handOffNotifiers.add(teams.handOffNotifier());
        }
        slack.flatMap(SlackApp::handOffNotifier).ifPresent(handOffNotifiers::add);
        HandOffSetup handOffs = HandOffSetup.start(config, database, handOffNotifiers, clock, new SecureRandom());
        Conversations conversations = new Conversations(conversation, store, validator, notifiers, followUps,
                Optional.of(handOffs.handOffs()));
        slack.ifPresent(s -> s.start(conversations, handOffs.handOffs()));
        SecureRandom random = new SecureRandom();
        Invitations invitations = new Invitations(database, clock, random, Invitations.DEFAULT_VALIDITY);
        // Links name the public origin, or this machine in local mode; the port is known once the server listens.
        AtomicInteger boundPort = new AtomicInteger(config.port());
        SetupLinks links = new SetupLinks(invitations, () -> config.publicBaseUrl()
                .orElse(URI.create("http://localhost:" + boundPort.get())));
        TeamsRoute teamsRoute = new TeamsRoute(teams.endpoint(conversations, links, handOffs.handOffs()));
        InviteRoute invite = new InviteRoute(invitations, conversations, random, config.publicBaseUrl().isPresent());
        Playground playground = new Playground(conversations, random);
        Assets assets = new Assets();

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.bindAddress();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            cfg.routes.get("/readyz", ctx -> ready(ctx, database));
            cfg.routes.get("/metrics", metrics::serve);
            cfg.requestLogger.http(metrics::record);
            cfg.events.serverStopped(metrics::close);
            cfg.routes.get("/assets/{name}", assets::serve);
            slack.ifPresent(s -> {
                cfg.routes.post("/slack/events", ctx -> SlackEndpoint.serve(s, ctx));
                cfg.events.serverStopped(s::close);
            });
            cfg.routes.post("/api/messages", teamsRoute::handle);
            cfg.routes.get("/setup/{token}", invite::show);
            cfg.routes.post("/setup/{token}", invite::act);
            cfg.routes.post("/setup/{token}/credentials", invite::submit);
            if (config.localMode()) {
                cfg.routes.get("/", playground::show);
                cfg.routes.post("/playground", playground::act);
                cfg.routes.post("/playground/credentials", playground::submit);
            }
            cfg.routes.error(404, ctx -> {
                if (!ErrorPages.written(ctx)) {
                    ErrorPages.send(ctx, HttpStatus.NOT_FOUND, "Nothing here. The playground is at / in local mode.");
                }
            });
            cfg.routes.error(405, ctx -> ErrorPages.send(ctx, HttpStatus.METHOD_NOT_ALLOWED, "That method is not allowed here."));
            cfg.routes.exception(StorageException.class, (e, ctx) -> {
                // The database is away (readiness says so too): a page that says what to do, not a stack trace.
                LOG.warn("Request {} {} answered 503, storage is unavailable: {}", ctx.method(), withoutLinkToken(ctx.path()),
                        e.getMessage());
                ctx.header("Retry-After", "60");
                ErrorPages.send(ctx, HttpStatus.SERVICE_UNAVAILABLE, "We could not load or save your setup just now: our"
                        + " database is not answering. Nothing you did before is lost. Please try again in a minute.");
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), withoutLinkToken(ctx.path()), e);
                ErrorPages.send(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.");
            });
        }).start();
        boundPort.set(app.port());

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("housekeeping"));
        housekeeping.scheduleWithFixedDelay(() -> purge(store, invitations, clock), 1, 60, TimeUnit.MINUTES);
        return new BotServer(app, List.of(housekeeping, followUps), database, handOffs);
    }

    public int port() {
        return app.port();
    }

    /** Which database holds the sessions, without credentials, for the start-up report. */
    public String databaseDescription() {
        return database.description();
    }

    /** Where hand-offs are delivered, for the start-up report. */
    public List<String> handOffDestinations() {
        return handOffs.destinations();
    }

    @Override
    public void close() {
        app.stop();
        handOffs.close();
        executors.forEach(ExecutorService::shutdownNow);
        database.close();
    }

    /** The opened database, or what stopped it from opening, thrown here as it was thrown there. */
    private static Database opened(FutureTask<Database> opening) {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException("Could not open the database", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.cancel(true);
            throw new IllegalStateException("Interrupted while opening the database", e);
        }
    }

    /** Start-up failed before it needed the database: close it once it has opened, releasing an H2 file's lock. */
    private static void closeOnceOpen(FutureTask<Database> opening) {
        try {
            opened(opening).close();
        } catch (RuntimeException ignored) {
            // It did not open either; the first failure is the one to report.
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void ready(Context ctx, Database database) {
        if (database.ping()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            LOG.warn("Not ready: {} does not answer", database.description());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "database unreachable"));
        }
    }

    /** A one-time link's token is a key to someone's setup: never in the log. */
    static String withoutLinkToken(String path) {
        return path.replaceFirst("^/setup/[^/]+", "/setup/{token}");
    }

    private static void purge(SessionStore store, Invitations invitations, Clock clock) {
        try {
            int links = invitations.deleteExpiredBefore(clock.instant());
            if (links > 0) {
                LOG.info("Deleted {} expired setup links", links);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired setup links this time", e);
        }
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
