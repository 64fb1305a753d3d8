package dev.bcsetup.server.playground;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.Status;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.server.web.BrowserId;
import dev.bcsetup.server.web.FlowPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flow in a browser, for trying the bot without Slack or Teams. Each visitor is a merchant known by
 * a random cookie; a button posts an event, and the replies are shown after a redirect (so reloading
 * the page never clicks a button twice).
 */
public final class Playground {

    static final String COOKIE = "bcsetup_visitor";
    private static final String WORKSPACE = "playground";
    private static final FlowPage PAGE = new FlowPage(new FlowPage.Target("/playground", "/playground/credentials",
            "local playground: the same conversation as in Slack and Teams"));

    private final Conversations conversations;
    private final SecureRandom random;
    private final Cache<String, List<Reply>> pending = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    public Playground(Conversations conversations, SecureRandom random) {
        this.conversations = conversations;
        this.random = random;
    }

    /** GET /: what the bot said last, and the current step. */
    public void show(Context ctx) {
        String visitor = visitor(ctx);
        SessionKey key = key(visitor);
        List<Reply> replies = new ArrayList<>(Optional.ofNullable(pending.getIfPresent(visitor)).orElse(List.of()));
        pending.invalidate(visitor);
        boolean cancelled = conversations.find(key).map(s -> s.status() == Status.CANCELLED).orElse(false);
        boolean mainView = replies.stream().anyMatch(r -> r instanceof Reply.StepShown || r instanceof Reply.FormRequested
                || r instanceof Reply.FormRejected || r instanceof Reply.ReportShown);
        if (!mainView && !(cancelled && !replies.isEmpty())) {
            Outcome resumed = conversations.handle(key, new Event.Resume(new Actor(visitor)));
            replies.addAll(resumed.replies());
        }
        ctx.header("Cache-Control", "no-store");
        ctx.html(PAGE.render(replies,
                "In the playground, \"I'm stuck\" requests are written to the server log."));
    }

    /** POST /playground: one button press. */
    public void act(Context ctx) {
        String visitor = visitor(ctx);
        Optional<ActionRef> ref = ActionRef.decode(ctx.formParam("action"));
        if (ref.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8")
                    .result("400 That button is not one this page offers. Go back to / and try again.\n");
            return;
        }
        Optional<Set<DataSet>> ticked = ctx.formParam("data-shown") == null
                ? Optional.empty() : Optional.of(dataSets(ctx.formParams("data")));
        Outcome outcome = conversations.handle(key(visitor), ref.get().toEvent(new Actor(visitor), ticked));
        // Button effects are quick (a help request, a withdrawal): wait, so their replies show on the next page.
        List<Reply> replies = new ArrayList<>(outcome.replies());
        replies.addAll(conversations.followUp(outcome).join());
        pending.put(visitor, replies);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** POST /playground/credentials: the secure form. Waits for the live check, which is bounded by its deadline. */
    public void submit(Context ctx) {
        String visitor = visitor(ctx);
        CredentialForm form = new CredentialForm(ctx.formParam(FlowPage.API_PATH), ctx.formParam(FlowPage.CLIENT_ID),
                ctx.formParam(FlowPage.ACCESS_TOKEN), ctx.formParam(FlowPage.PASTED_FILE));
        Outcome outcome = conversations.handle(key(visitor), new Event.SubmitCredentials(new Actor(visitor), form));
        List<Reply> followUp = conversations.followUp(outcome).join();
        // The page shows the finished check, so "checking..." would only be noise above the report.
        List<Reply> replies = new ArrayList<>(outcome.replies());
        if (!followUp.isEmpty()) {
            replies.removeIf(r -> r instanceof Reply.Checking);
        }
        replies.addAll(followUp);
        pending.put(visitor, replies);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private static Set<DataSet> dataSets(List<String> values) {
        Set<DataSet> sets = EnumSet.noneOf(DataSet.class);
        for (String value : values) {
            for (DataSet dataSet : DataSet.values()) {
                if (dataSet.name().equals(value)) {
                    sets.add(dataSet);
                }
            }
        }
        return sets;
    }

    private String visitor(Context ctx) {
        return BrowserId.of(ctx, COOKIE, random, fresh -> {
            fresh.setSameSite(SameSite.STRICT);
            fresh.setPath("/");
        });
    }

    private static SessionKey key(String visitor) {
        return SessionKey.own(Platform.WEB, WORKSPACE, visitor);
    }
}
