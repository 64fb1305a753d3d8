package dev.bcsetup.server;

import org.slf4j.Logger;

/** The lines an operator reads at start-up: where the bot listens and which parts are on. */
final class StartupReport {

    private StartupReport() {
    }

    static void log(Logger log, Config config, BotServer server, long millis) {
        int port = server.port();
        String host = config.bindAddress().equals("0.0.0.0") ? "localhost" : config.bindAddress();
        if (config.localMode()) {
            log.info("Local mode: playground at http://{}:{}/ (set PUBLIC_BASE_URL to serve Slack and Teams)", host, port);
        } else {
            log.info("Serving {} on {}:{}", config.publicBaseUrl().get(), config.bindAddress(), port);
        }
        log.info("Slack: {}", config.slack().isPresent()
                ? (config.slack().get().appToken().isPresent() ? "on, Socket Mode" : "on, POST /slack/events")
                        + config.handoffSlackChannel().map(c -> ", help requests to " + c).orElse("")
                : "off (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET unset)");
        log.info("Teams: {}", config.teams().isPresent()
                ? "on at /api/messages, Bot Framework tokens checked" : "emulator mode at /api/messages (MICROSOFT_APP_ID unset)");
        log.info("Sessions in {}", server.databaseDescription());
        log.info("Hand-offs: credentials encrypted with {}, delivered to {}", config.credentialsKey().isPresent()
                ? "CREDENTIALS_KEY" : config.dataDirectory().resolve("credentials.key"),
                server.handOffDestinations().isEmpty() ? "nobody yet (engineers reveal them by reference)"
                        : String.join(", ", server.handOffDestinations()));
        log.info("Ready in {} ms", millis);
    }
}
