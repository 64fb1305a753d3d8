package dev.bcsetup.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bcsetup.conversation.ActionRef;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Conversations;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.credentials.CredentialForm;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.invite.Invitation;
import dev.bcsetup.invite.Invitations;
import dev.bcsetup.invite.Redemption;
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
 * {@code /setup/{token}}: the setup for a customer invited by a one-time link, in any mode. Every request, not only
 * the first, redeems the link for this browser's cookie, and the setup it reaches comes from the link alone, so
 * neither a guessed path nor a copied cookie leads into someone else's setup.
 */
final class InviteRoute {

    static final String COOKIE = "bcsetup_browser";
    private static final String PREFIX = "/setup/";

    private final Invitations invitations;
    private final Conversations conversations;
    private final SecureRandom random;
    private final boolean secureCookie;
    private final Cache<String, List<Reply>> pending = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    InviteRoute(Invitations invitations, Conversations conversations, SecureRandom random, boolean secureCookie) {
        this.invitations = invitations;
        this.conversations = conversations;
        this.random = random;
        this.secureCookie = secureCookie;
    }

    /** GET /setup/{token}: what the bot said last and the current step; the first visit starts the setup. */
    void show(Context ctx) {
        Optional<Invitation> admitted = admit(ctx);
        if (admitted.isEmpty()) {
            return;
        }
        Invitation invitation = admitted.get();
        SessionKey key = invitation.sessionKey();
        Actor customer = new Actor(invitation.customer());
        String pendingKey = pendingKey(ctx);
        List<Reply> replies = new ArrayList<>(Optional.ofNullable(pending.getIfPresent(pendingKey)).orElse(List.of()));
        pending.invalidate(pendingKey);
        if (replies.isEmpty()) {
            Event first = conversations.find(key).isPresent()
                    ? new Event.Resume(customer)
                    : new Event.Start(customer, invitation.locale(), invitation.direction());
            replies.addAll(conversations.handle(key, first).replies());
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.html(page(ctx).render(replies, "This page works only in the browser that opened the link first."));
    }

    /** POST /setup/{token}: one button press. */
    void act(Context ctx) {
        Optional<Invitation> admitted = admit(ctx);
        if (admitted.isEmpty()) {
            return;
        }
        Optional<ActionRef> ref = ActionRef.decode(ctx.formParam("action"));
        if (ref.isEmpty()) {
            ErrorPages.send(ctx, HttpStatus.BAD_REQUEST, "That button is not one this page offers. Go back and try again.");
            return;
        }
        Optional<Set<DataSet>> ticked = ctx.formParam("data-shown") == null
                ? Optional.empty() : Optional.of(dataSets(ctx.formParams("data")));
        Invitation invitation = admitted.get();
        Outcome outcome = conversations.handle(invitation.sessionKey(),
                ref.get().toEvent(new Actor(invitation.customer()), ticked));
        conversations.followUp(outcome);
        pending.put(pendingKey(ctx), outcome.replies());
        ctx.redirect(PREFIX + ctx.pathParam("token"), HttpStatus.SEE_OTHER);
    }

    /** POST /setup/{token}/credentials: the secure form; waits for the live check, which is bounded by its deadline. */
    void submit(Context ctx) {
        Optional<Invitation> admitted = admit(ctx);
        if (admitted.isEmpty()) {
            return;
        }
        Invitation invitation = admitted.get();
        CredentialForm form = new CredentialForm(ctx.formParam(FlowPage.API_PATH), ctx.formParam(FlowPage.CLIENT_ID),
                ctx.formParam(FlowPage.ACCESS_TOKEN), ctx.formParam(FlowPage.PASTED_FILE));
        Outcome outcome = conversations.handle(invitation.sessionKey(),
                new Event.SubmitCredentials(new Actor(invitation.customer()), form));
        List<Reply> followUp = conversations.followUp(outcome).join();
        List<Reply> replies = new ArrayList<>(outcome.replies());
        if (!followUp.isEmpty()) {
            replies.removeIf(r -> r instanceof Reply.Checking);
        }
        replies.addAll(followUp);
        pending.put(pendingKey(ctx), replies);
        ctx.redirect(PREFIX + ctx.pathParam("token"), HttpStatus.SEE_OTHER);
    }

    /** The invitation this browser may use through this link, or empty with the refusal page already written. */
    private Optional<Invitation> admit(Context ctx) {
        Redemption redemption = invitations.redeem(ctx.pathParam("token"), browser(ctx));
        if (redemption instanceof Redemption.Admitted admitted) {
            return Optional.of(admitted.invitation());
        }
        ctx.header("Cache-Control", "no-store");
        if (redemption instanceof Redemption.AlreadyUsed) {
            ErrorPages.send(ctx, HttpStatus.GONE, "This setup link was already opened in another browser, and works "
                    + "only there. Ask your support agent for a new link.");
        } else if (redemption instanceof Redemption.Expired) {
            ErrorPages.send(ctx, HttpStatus.GONE, "This setup link has expired. Ask your support agent for a new link.");
        } else {
            ErrorPages.send(ctx, HttpStatus.NOT_FOUND, "There is no setup at this link. Check that you copied all of it, "
                    + "or ask your support agent for a new link.");
        }
        return Optional.empty();
    }

    private FlowPage page(Context ctx) {
        String base = PREFIX + ctx.pathParam("token");
        return new FlowPage(new FlowPage.Target(base, base + "/credentials", "your BigCommerce API setup"));
    }

    /** This browser's random id from its cookie; a new one is set when there is none. */
    private String browser(Context ctx) {
        String browser = BrowserId.of(ctx, COOKIE, random, fresh -> {
            // Lax, not Strict: the customer arrives by clicking the link in an e-mail or chat, a cross-site navigation
            // that must carry the cookie when they come back; the page's own posts are same-site.
            fresh.setSameSite(SameSite.LAX);
            fresh.setSecure(secureCookie);
            fresh.setPath(PREFIX);
            fresh.setMaxAge((int) Invitations.DEFAULT_VALIDITY.plusDays(1).toSeconds());
        });
        ctx.attribute(COOKIE, browser);
        return browser;
    }

    private String pendingKey(Context ctx) {
        String browser = Optional.ofNullable((String) ctx.attribute(COOKIE)).orElse(ctx.cookie(COOKIE));
        return browser + " " + ctx.pathParam("token");
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
}
