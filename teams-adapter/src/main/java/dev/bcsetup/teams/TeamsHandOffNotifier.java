package dev.bcsetup.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import dev.bcsetup.handoff.HandOffNotice;
import dev.bcsetup.handoff.HandOffNotifier;

/**
 * Tells the engineers' Teams channel (the one "I'm stuck" goes to) of each validated hand-off: a card with masked
 * values, "Reveal" (a dialog, for engineers only) and "Mark received". Throws when there is no channel yet or the
 * connector does not take the card, so the hand-off service tries again later.
 */
final class TeamsHandOffNotifier implements HandOffNotifier {

    private final TeamsEngineerNotifier channel;
    private final People people;

    TeamsHandOffNotifier(TeamsEngineerNotifier channel, People people) {
        this.channel = channel;
        this.people = people;
    }

    @Override
    public String destination() {
        return "teams";
    }

    @Override
    public void deliver(HandOffNotice notice) {
        Activity message = MessageFactory.attachment(
                AdaptiveCards.attachment(HandOffCards.notice(notice, people, TeamsTexts.forLocale(null))));
        if (!channel.post(message)) {
            throw new IllegalStateException("no Teams engineers channel yet: set HANDOFF_TEAMS_CHANNEL or type "
                    + "\"register engineers channel\" in it");
        }
    }
}
