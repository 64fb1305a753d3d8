package dev.bcsetup.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bcsetup.fuzz.HostileText;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 20,000 hostile forms through the instant checks: each is accepted or rejected with a message per field, never an
 * exception; nothing accepted names another host's store; no message or masked value repeats the token typed.
 */
class CredentialIntakeFuzzTest {

    static final int FORMS = 20_000;
    private static final Pattern HASH = Pattern.compile("[a-z0-9]{5,16}");

    @Test
    void everyHostileFormGetsAnAnswerAndNoMessageCarriesTheToken() {
        long seed = 0x5eed_b16c_0de1L;
        HostileText text = new HostileText(seed);
        CredentialIntake intake = new CredentialIntake();
        CredentialMessages messages = CredentialMessages.forLocale(Locale.ENGLISH);
        int accepted = 0;
        for (int i = 0; i < FORMS; i++) {
            // The secret part is long and random, so finding it anywhere is a leak, not a coincidence.
            String secret = text.alnum(24);
            String token = switch (text.random().nextInt(4)) {
                case 0 -> secret + text.alnum(7);
                case 1 -> text.next() + secret + text.next();
                case 2 -> " \t" + secret + text.alnum(7) + "\u200b\n";
                default -> secret;
            };
            String path = text.random().nextBoolean() ? text.next()
                    : "https://api.bigcommerce.com/stores/" + text.next() + "/v3/";
            String clientId = text.random().nextInt(3) == 0 ? text.next() : text.alnum(31);
            CredentialForm form = text.random().nextInt(5) == 0
                    ? CredentialForm.ofFile("API PATH: " + path + "\nCLIENT ID: " + clientId + "\nACCESS TOKEN: " + token + "\n" + text.next())
                    : new CredentialForm(path, clientId, token, text.random().nextInt(10) == 0 ? text.next() : null);
            String what = "form " + i + " of seed " + seed;

            IntakeResult result = intake.check(form);

            assertThat(form.toString()).as(what).doesNotContain(secret);
            if (result instanceof IntakeResult.Rejected rejected) {
                assertThat(rejected.problems()).as(what).isNotEmpty().allSatisfy(problem ->
                        assertThat(messages.render(problem.problem())).as(what).isNotBlank().doesNotContain(secret));
            } else {
                accepted++;
                Credentials credentials = ((IntakeResult.Accepted) result).credentials();
                assertThat(credentials.storeHash().value()).as(what).matches(HASH);
                assertThat(credentials.toString()).as(what).doesNotContain(secret);
                assertThat(credentials.accessToken().toString()).as(what).doesNotContain(secret);
            }
        }
        System.out.printf("CredentialIntakeFuzzTest: %d hostile forms, %d accepted, 0 exceptions%n", FORMS, accepted);
        assertThat(accepted).as("the corpus also reaches the accepted path").isPositive();
    }
}
