package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import org.junit.jupiter.api.Test;

class TeamsHttpAdapterTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @Test
    void singleTenantBotsGetTokensFromTheirOwnTenant() {
        var credentials = TeamsHttpAdapter.credentials("app", "secret", TENANT, null);
        assertThat(credentials.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.com/" + TENANT);
        assertThat(credentials.oAuthScope()).isEqualTo(AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
    }

    @Test
    void multiTenantBotsUseTheBotFrameworkTenant() {
        var credentials = TeamsHttpAdapter.credentials("app", "secret", null, null);
        assertThat(credentials.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.com/botframework.com");
    }
}
