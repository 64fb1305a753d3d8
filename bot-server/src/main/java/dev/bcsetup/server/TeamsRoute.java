package dev.bcsetup.server;

import dev.bcsetup.notify.EngineerChannels;
import dev.bcsetup.teams.TeamsApp;
import dev.bcsetup.teams.TeamsEndpoint;
import dev.bcsetup.teams.TeamsSettings;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code POST /api/messages}: hands the raw activity to the Teams adapter and gives Teams its answer. */
final class TeamsRoute {

    private final TeamsEndpoint endpoint;

    TeamsRoute(TeamsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The Teams side as the configuration describes it; emulator mode without {@code MICROSOFT_APP_ID}. */
    static TeamsApp app(Config config, EngineerChannels channels) {
        Optional<Config.Teams> teams = config.teams();
        return TeamsApp.create(new TeamsSettings(
                teams.map(Config.Teams::appId),
                teams.map(t -> t.appPassword().value()),
                teams.map(t -> t.appType().equals("SingleTenant")).orElse(false),
                teams.flatMap(Config.Teams::tenantId),
                config.publicBaseUrl(),
                config.handoffTeamsChannel(),
                teams.flatMap(Config.Teams::openIdMetadataUrl).map(Object::toString)), channels);
    }

    void handle(Context ctx) {
        TeamsEndpoint.Response response = endpoint.handle(ctx.header("Authorization"), ctx.body());
        ctx.status(response.status());
        if (response.jsonBody() != null) {
            ctx.contentType("application/json").result(response.jsonBody());
        }
    }
}
