package dev.bcsetup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Conversation;
import dev.bcsetup.conversation.Event;
import dev.bcsetup.conversation.Outcome;
import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.Reply;
import dev.bcsetup.conversation.Session;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.conversation.Status;
import dev.bcsetup.conversation.StepView;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.FlowLibrary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/** The inputs of the micro-benchmarks: a merchant on the permissions step, its view, a downloaded .txt file. */
public final class Samples {

    public static final SessionKey KEY = SessionKey.own(Platform.SLACK, "T0ACME001", "U0MERCHANT1");
    public static final Actor MERCHANT = new Actor("U0MERCHANT1");
    /** The credentials file as BigCommerce's pop-up downloads it. */
    public static final String CREDENTIALS_FILE = """
            ACCESS TOKEN: a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p
            CLIENT NAME: Migration to BigCommerce
            API PATH: https://api.bigcommerce.com/stores/abc123/v3/
            CLIENT ID: zyx9w8v7u6t5s4r3q2p1o0n9m8l7k6j
            CLIENT SECRET: 0f1e2d3c4b5a69788796a5b4c3d2e1f
            """;

    private Samples() {
    }

    public static Conversation conversation() {
        return new Conversation(FlowLibrary.standard(), Clock.systemUTC(), Duration.ofDays(7));
    }

    /** A merchant on step 4 (naming the account), into BigCommerce with products and orders. */
    public static Session onStepFour() {
        Instant now = Instant.now();
        return Session.begin(KEY, "en", Direction.TO_BIGCOMMERCE, 1, now)
                .withDataSets(EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS), now)
                .atStep(3, Status.ACTIVE, now);
    }

    /** Next on step 4: the event whose outcome is the permissions step, the richest view. */
    public static Event nextFromStepFour() {
        return new Event.Next(MERCHANT, 3, Optional.empty());
    }

    /** The permissions step's view, as the conversation produces it. */
    public static StepView permissionsStep() {
        Outcome outcome = conversation().handle(KEY, Optional.of(onStepFour()), nextFromStepFour());
        return outcome.replies().stream().filter(Reply.StepShown.class::isInstance).map(r -> ((Reply.StepShown) r).view())
                .findFirst().orElseThrow(() -> new IllegalStateException("Next from step 4 showed no step: " + outcome));
    }

    /** Jackson as a baseline serialiser for the same payloads. */
    public static ObjectMapper jackson() {
        return JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).build();
    }
}
