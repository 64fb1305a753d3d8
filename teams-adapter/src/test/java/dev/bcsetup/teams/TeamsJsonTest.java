package dev.bcsetup.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TeamsJsonTest {

    private static final String WITHOUT_FRACTION = """
            {"type":"message","id":"1","timestamp":"2026-11-25T21:49:37Z","localTimestamp":"2026-11-25T13:49:37-08:00",
             "serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams","text":"hi",
             "from":{"id":"29:1abc","aadObjectId":"00000000-0000-0000-0000-000000000001"},
             "conversation":{"id":"a:1xyz","conversationType":"personal","tenantId":"t"},
             "recipient":{"id":"28:bot"},"channelData":{"tenant":{"id":"t"}},"unknownField":{"x":1}}""";

    @Test
    void readsTimestampsWithoutFractionalSecondsAsTeamsSendsThem() throws Exception {
        Activity activity = TeamsJson.mapper().readValue(WITHOUT_FRACTION, Activity.class);
        assertThat(activity.getTimestamp()).isEqualTo(OffsetDateTime.of(2026, 11, 25, 21, 49, 37, 0, ZoneOffset.UTC));
        assertThat(activity.getLocalTimestamp().getOffset()).isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(activity.getFrom().getId()).isEqualTo("29:1abc");
    }

    @Test
    void theSdksOwnAnnotationsCannotReadThem() {
        // The bug this adapter works around (botbuilder-java #1467): if this ever passes, the mix-in can go.
        ObjectMapper plain = new ObjectMapper().findAndRegisterModules();
        assertThatThrownBy(() -> plain.readValue(WITHOUT_FRACTION, Activity.class)).isInstanceOf(Exception.class);
    }

    @Test
    void readsFractionsOfAnyLengthAndToleratesNonsense() throws Exception {
        ObjectMapper json = TeamsJson.mapper();
        for (String stamp : new String[] {"2026-11-25T21:49:37.1Z", "2026-11-25T21:49:37.1234567Z", "2026-11-25T21:49:37.123+01:00"}) {
            Activity a = json.readValue("{\"type\":\"message\",\"timestamp\":\"" + stamp + "\"}", Activity.class);
            assertThat(a.getTimestamp()).isNotNull();
        }
        assertThat(json.readValue("{\"type\":\"message\",\"timestamp\":\"yesterday\"}", Activity.class).getTimestamp()).isNull();
        assertThat(json.readValue("{\"type\":\"message\",\"timestamp\":\"2026-11-25T21:49:37\"}", Activity.class)
                .getTimestamp().getOffset()).isEqualTo(ZoneOffset.UTC);
    }
}
