package dev.bcsetup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.Event;
import org.junit.jupiter.api.Test;

class SlashCommandTest {

    private static final Actor MERCHANT = new Actor("U0MERCHANT1");

    @Test
    void forgetWithdrawsWhileCancelAndStopOnlyStop() {
        assertThat(SlashCommand.toEvent(" Forget ", MERCHANT)).containsInstanceOf(Event.Forget.class);
        assertThat(SlashCommand.toEvent("cancel", MERCHANT)).containsInstanceOf(Event.Cancel.class);
        assertThat(SlashCommand.toEvent("stop", MERCHANT)).containsInstanceOf(Event.Cancel.class);
        assertThat(SlashCommand.toEvent("what", MERCHANT)).isEmpty();
        assertThat(SlackTexts.english().get(SlackText.USAGE, "command", SlackTexts.COMMAND))
                .contains("/bigcommerce-setup forget").contains("/bigcommerce-setup cancel");
    }
}
