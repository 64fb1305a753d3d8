package dev.bcsetup.handoff;

import dev.bcsetup.conversation.Platform;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.credentials.AccessToken;
import dev.bcsetup.credentials.ClientId;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.credentials.Outcome;
import dev.bcsetup.credentials.ScopeCheck;
import dev.bcsetup.credentials.ScopeStatus;
import dev.bcsetup.credentials.StoreHash;
import dev.bcsetup.credentials.StoreInfo;
import dev.bcsetup.credentials.ValidationReport;
import dev.bcsetup.flow.Access;
import dev.bcsetup.flow.DataSet;
import dev.bcsetup.flow.Direction;
import dev.bcsetup.flow.Scope;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Submissions, keys and people the hand-off tests share. */
final class Fixtures {

    static final String TOKEN = "tok3nvalu3abcdefghij0123456789x";
    static final String CLIENT_ID = "cli3ntid9876543210zyxwvutsrqpon";
    static final SessionKey MERCHANT = SessionKey.own(Platform.SLACK, "T1", "U-merchant");
    static final Engineer ENGINEER = new Engineer(Platform.SLACK, "T1", "U-engineer", Set.of());
    static final Engineer GROUP_MEMBER = new Engineer(Platform.SLACK, "T1", "U-other", Set.of("S-migrations"));
    static final Engineer STRANGER = new Engineer(Platform.TEAMS, "tenant", "aad-stranger", Set.of("S-sales"));
    static final Engineers ENGINEERS = new Engineers(Set.of("U-engineer", "S-migrations"));

    private Fixtures() {
    }

    static Submission submission(SessionKey key, long version) {
        Credentials credentials = new Credentials(new StoreHash("abc123"), new ClientId(CLIENT_ID), new AccessToken(TOKEN));
        ValidationReport report = new ValidationReport(Outcome.VALID,
                Optional.of(new StoreInfo("Plant Parlour", "plantparlour.example", "Plus", "live")),
                List.of(new ScopeCheck(Scope.PRODUCTS, Access.MODIFY, true, ScopeStatus.GRANTED),
                        new ScopeCheck(Scope.CONTENT, Access.MODIFY, true, ScopeStatus.MODIFY_NOT_PROVABLE)),
                List.of(), List.of(), Duration.ofMillis(800));
        return new Submission(key, version, Direction.TO_BIGCOMMERCE, EnumSet.of(DataSet.PRODUCTS, DataSet.ORDERS),
                credentials, report);
    }

    /** {@code id:base64key} with a fresh random key, as an operator writes it in CREDENTIALS_KEY. */
    static String keyText(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }
}
