package dev.bcsetup.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The SDK's HTTP adapter with credentials that know the bot's tenant: the SDK has no tenant setting, and a
 * single-tenant registration (the default for new Azure bots) must get its tokens from its own tenant's
 * authority rather than botframework.com's. Its Bot Connector clients give up on a call after
 * {@link #CONNECTOR_CALL_TIMEOUT}: the SDK's own wait up to 60 s to connect and 120 s for an answer, so a hanging
 * connector would hold the turn, and the request thread it runs on, for minutes. They also make up to
 * {@link #CALLS_AT_ONCE} calls at once where the SDK's make 5 per host: every merchant's turn waits for its own call,
 * and the connector takes 100-300 ms a call, so 5 would let a queue of merchants' answers build up behind each other.
 */
final class TeamsHttpAdapter extends BotFrameworkHttpAdapter {

    /**
     * The longest one Bot Connector call may take, the SDK's retries of a 5xx included. The connector answers in well
     * under a second, and a turn answers Teams only after its calls: a hanging connector must not keep Teams waiting
     * past the 3 s a merchant's press (and an invoke) deserves.
     */
    static final Duration CONNECTOR_CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Calls in flight to one service URL; a turn waits for its calls, so this is turns answered at once. */
    static final int CALLS_AT_ONCE = 128;

    private final String appPassword;
    private final String authTenant;
    private final Map<String, ConnectorClient> connectors = new ConcurrentHashMap<>();

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

    /** As the SDK's, one client per service URL and credentials, but with timeouts fit for a turn. */
    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                            AppCredentials usingAppCredentials) {
        AppCredentials credentials = usingAppCredentials != null ? usingAppCredentials : MicrosoftAppCredentials.empty();
        String key = keyForConnectorClient(serviceUrl, credentials.getAppId(), credentials.oAuthScope());
        try {
            return CompletableFuture.completedFuture(connectors.computeIfAbsent(key, k -> connector(serviceUrl, credentials)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ConnectorClient connector(String serviceUrl, AppCredentials credentials) {
        Dispatcher calls = new Dispatcher();
        calls.setMaxRequests(CALLS_AT_ONCE);
        calls.setMaxRequestsPerHost(CALLS_AT_ONCE);
        OkHttpClient.Builder http = new OkHttpClient.Builder().dispatcher(calls).callTimeout(CONNECTOR_CALL_TIMEOUT);
        RestClient client = new RestClient.Builder(http, new Retrofit.Builder())
                .withBaseUrl(serviceUrl)
                .withCredentials(credentials)
                .withSerializerAdapter(new JacksonAdapter())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .withReadTimeout(CONNECTOR_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return new RestConnectorClient(client);
    }
}
