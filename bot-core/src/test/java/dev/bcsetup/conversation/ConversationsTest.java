package dev.bcsetup.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.notify.EngineerNotifier;
import dev.bcsetup.store.InMemorySessionRepository;
import dev.bcsetup.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConversationsTest {

    private static final Actor MERCHANT = new Actor("U1");
    private static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T1", "U1");

    private final Conversations conversations = new Conversations(
            new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7)),
            new SessionStore(new InMemorySessionRepository(), 1000, Duration.ofMinutes(5)),
            List.of(), Runnable::run);

    @Test
    void keepsTheSessionBetweenEvents() {
        conversations.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));
        conversations.handle(KEY, new Event.Next(MERCHANT, 0));

        assertThat(conversations.find(KEY)).get().extracting(Session::step).isEqualTo(1);
    }

    @Test
    void followUpPassesAHelpRequestToEveryNotifierEvenWhenOneFails() throws Exception {
        List<Effect.Escalate> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        EngineerNotifier broken = request -> {
            throw new IllegalStateException("channel_not_found");
        };
        Conversations withNotifiers = new Conversations(
                new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7)),
                new SessionStore(new InMemorySessionRepository(), 1000, Duration.ofMinutes(5)),
                List.of(broken, received::add), Runnable::run);
        withNotifiers.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));

        Outcome stuck = withNotifiers.handle(KEY, new Event.Stuck(MERCHANT));
        List<Reply> followUp = withNotifiers.followUp(stuck).get();

        assertThat(followUp).isEmpty();
        assertThat(received).containsExactly(new Effect.Escalate(KEY, 1, "What are we migrating?"));
    }

    @Test
    void manyConcurrentClicksOnOneNextButtonMoveOneStep() throws Exception {
        conversations.handle(KEY, new Event.Start(MERCHANT, "en", Optional.of(Direction.TO_BIGCOMMERCE)));
        int clicks = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clicks; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return conversations.handle(KEY, new Event.Next(MERCHANT, 0));
                }));
            }
            go.countDown();
            for (Future<Outcome> result : results) {
                assertThat(result.get().replies()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }

        Session session = conversations.find(KEY).orElseThrow();
        assertThat(session.step()).isEqualTo(1);
        assertThat(session.version()).isEqualTo(2);
    }
}
