package dev.bcsetup.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionRefTest {

    private static final Actor ACTOR = new Actor("U1");

    @Test
    void encodesAndDecodesEveryKind() {
        for (ActionKind kind : ActionKind.values()) {
            ActionRef ref = kind == ActionKind.CHOOSE_DIRECTION
                    ? new ActionRef(kind, 0, Direction.TO_BIGCOMMERCE.name())
                    : new ActionRef(kind, 4);
            assertThat(ActionRef.decode(ref.encode())).contains(ref);
        }
    }

    @Test
    void becomesTheEventItStandsFor() {
        assertThat(ActionRef.decode("next:0").get().toEvent(ACTOR, Optional.of(Set.of(DataSet.ORDERS))))
                .isEqualTo(new Event.Next(ACTOR, 0, Optional.of(Set.of(DataSet.ORDERS))));
        assertThat(ActionRef.decode("choose_direction:0:FROM_BIGCOMMERCE").get().toEvent(ACTOR, Optional.empty()))
                .isEqualTo(new Event.ChooseDirection(ACTOR, 0, Direction.FROM_BIGCOMMERCE));
        assertThat(ActionRef.decode("go_to:4").get().toEvent(ACTOR, Optional.empty()))
                .isEqualTo(new Event.GoTo(ACTOR, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "next", "next:", "next:x", "fly:3", "next:1234", "choose_direction:0:SIDEWAYS",
            "next:3:extra:more", "NEXT:3", "next:3\nback:2", "<script>:1"})
    void rejectsWhatItDidNotWrite(String encoded) {
        assertThat(ActionRef.decode(encoded)).isEmpty();
    }

    @Test
    void rejectsNullAndOversizedValues() {
        assertThat(ActionRef.decode(null)).isEmpty();
        assertThat(ActionRef.decode("next:" + "1".repeat(100))).isEmpty();
    }
}
