package dev.bcsetup.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's HTTP adapter with credentials that know the bot's tenant: the SDK has no tenant setting, and a
 * single-tenant registration (the default for new Azure bots) must get its tokens from its own tenant's
 * authority rather than botframework.com's.
 */
final class TeamsHttpAdapter extends BotFrameworkHttpAdapter {

    private final String appPassword;
    private final String authTenant;

    /** {@code authTenant}: the tenant ID for a single-tenant bot, null for multi-tenant. */
    TeamsHttpAdapter(String appId, String appPassword, String authTenant) {
        super(new SimpleCredentialProvider(appId, appPassword), new SimpleChannelProvider());
        this.appPassword = appPassword;
        this.authTenant = authTenant;
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.completedFuture(credentials(appId, appPassword, authTenant, scope));
    }

    static MicrosoftAppCredentials credentials(String appId, String appPassword, String authTenant, String scope) {
        return new MicrosoftAppCredentials(appId, appPassword, authTenant, scope);
    }
}
