package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.flow.Direction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamsCommandTest {

    @Test
    void readsTheFlowCommands() {
        assertThat(TeamsCommand.parse("start")).isEqualTo(new TeamsCommand.Start(Optional.empty()));
        assertThat(TeamsCommand.parse(" Setup to ")).isEqualTo(new TeamsCommand.Start(Optional.of(Direction.TO_BIGCOMMERCE)));
        assertThat(TeamsCommand.parse("setup from BigCommerce")).isEqualTo(new TeamsCommand.Start(Optional.of(Direction.FROM_BIGCOMMERCE)));
        assertThat(TeamsCommand.parse("help")).isEqualTo(new TeamsCommand.Help());
        assertThat(TeamsCommand.parse("Status")).isEqualTo(new TeamsCommand.Status());
        assertThat(TeamsCommand.parse("restart")).isEqualTo(new TeamsCommand.Restart());
        assertThat(TeamsCommand.parse("forget")).isEqualTo(new TeamsCommand.Forget());
        assertThat(TeamsCommand.parse("cancel")).isEqualTo(new TeamsCommand.Cancel());
        assertThat(TeamsCommand.parse("register engineers channel")).isEqualTo(new TeamsCommand.RegisterEngineersChannel());
        assertThat(TeamsCommand.parse("hello there")).isEqualTo(new TeamsCommand.Other("hello there"));
    }

    @Test
    void readsAnAgentsSetupForACustomer() {
        assertThat(TeamsCommand.parse("setup for <at>Jane Doe</at> from"))
                .isEqualTo(new TeamsCommand.SetupFor("<at>Jane Doe</at>", Optional.of(Direction.FROM_BIGCOMMERCE)));
        assertThat(TeamsCommand.parse("setup for jane@example.com"))
                .isEqualTo(new TeamsCommand.SetupFor("jane@example.com", Optional.empty()));
    }
}
