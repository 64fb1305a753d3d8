package dev.bcsetup.slack;

/**
 * The few sentences only Slack says (the DM pointer, command usage, App Home, the engineers' channel).
 * They sit here, in English, until the flow files grow platform-specific texts.
 */
final class SlackTexts {

    static final String COMMAND = "/bigcommerce-setup";
    static final String DM_POINTER = "I've sent you a DM: the setup carries on there, one step at a time.";
    static final String USAGE = "*" + COMMAND + "* walks you through creating a BigCommerce API account for your migration.\n"
            + "• `" + COMMAND + "`: start, or carry on where you left off\n"
            + "• `" + COMMAND + " to` / `" + COMMAND + " from`: start a migration into or out of BigCommerce\n"
            + "• `" + COMMAND + " status`: show the step you are on\n"
            + "• `" + COMMAND + " restart`: start over from the first step\n"
            + "• `" + COMMAND + " forget`: stop this setup\n"
            + "• `" + COMMAND + " help`: this list";
    static final String HOME_TITLE = "BigCommerce setup";
    static final String HOME_NONE = "You have no setup in progress. Start one and I'll guide you step by step in our DM.";
    static final String HOME_AT = "You are on *%s*: %s.";
    static final String HOME_READY = "You're on the last step: ready to hand over your credentials.";
    static final String HOME_CANCELLED = "Your last setup was stopped. Start again whenever you are ready.";
    static final String HOME_CONTINUE = "Continue in our DM";
    static final String HOME_START = "Start the setup";
    static final String HOME_HINT = "You can also type `" + COMMAND + "` anywhere in Slack.";
    static final String PICTURE_OFFLINE = "Picture: %s (pictures appear when the bot has a public URL)";
    static final String STUCK_FALLBACK = "%s asked for help at step %d, \"%s\" (workspace %s)";

    private SlackTexts() {
    }
}
