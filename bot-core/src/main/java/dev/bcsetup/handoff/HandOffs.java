package dev.bcsetup.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bcsetup.conversation.Actor;
import dev.bcsetup.conversation.SessionKey;
import dev.bcsetup.credentials.AccessToken;
import dev.bcsetup.credentials.ClientId;
import dev.bcsetup.credentials.Credentials;
import dev.bcsetup.credentials.ScopeCheck;
import dev.bcsetup.credentials.StoreHash;
import dev.bcsetup.credentials.StoreInfo;
import dev.bcsetup.handoff.AuditEntry.Action;
import dev.bcsetup.handoff.HandOff.PurgeReason;
import dev.bcsetup.handoff.HandOffNotice.ScopeSummary;
import dev.bcsetup.handoff.HandOffRepository.Sealed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off of validated credentials to the migration team: stored sealed with one outbox entry per
 * destination, revealed only to {@code ENGINEERS}, acknowledged, withdrawn by the merchant, and purged.
 * This is the API the Slack and Teams adapters call; every reveal, refusal and receipt is audited.
 */
public final class HandOffs implements EngineerActions {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Crockford's base 32: no I, L, O or U, so a reference read aloud or retyped is not misread. */
    private static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int INSERT_ATTEMPTS = 3;
    private static final int RESEAL_BATCH = 500;

    private final HandOffRepository repository;
    private final CredentialCipher cipher;
    private final KeyRing keys;
    private final Engineers engineers;
    private final List<String> destinations;
    private final HandOffPolicy policy;
    private final Clock clock;
    private final SecureRandom random;

    /** {@code destinations} names every place a new hand-off is delivered to: one outbox entry each. */
    public HandOffs(HandOffRepository repository, KeyRing keys, Engineers engineers, List<String> destinations,
                    HandOffPolicy policy, Clock clock, SecureRandom random) {
        this.repository = repository;
        this.keys = keys;
        this.cipher = new CredentialCipher(keys, random);
        this.engineers = engineers;
        this.destinations = List.copyOf(destinations);
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Stores validated credentials for the migration team, sealed, with their deliveries due now. The same
     * submission sent twice (a double click, a retry) yields the hand-off stored the first time.
     */
    public HandOff submit(Submission submission) {
        for (int attempt = 1; ; attempt++) {
            Optional<HandOff> earlier = repository.findBySubmission(submission.key(), submission.sessionVersion());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            HandOff handOff = newHandOff(submission);
            Sealed secret = new Sealed(cipher.seal(secretJson(submission.credentials()), handOff.id()), keys.primaryId());
            AuditEntry audit = new AuditEntry(handOff.submittedAt(), submission.key().platform(), submission.key().workspace(),
                    submission.key().merchant(), Action.SUBMIT, handOff.id(), "STORED");
            if (repository.insert(handOff, secret, destinations, audit)) {
                LOG.info("Hand-off {} stored for store {}, {} deliveries due", handOff.reference(), handOff.storeHash(),
                        destinations.size());
                return handOff;
            }
            if (attempt == INSERT_ATTEMPTS) {
                throw new IllegalStateException("could not store hand-off after " + attempt + " attempts");
            }
            // Either the same submission won a race (found above next time) or an id or reference collided.
        }
    }

    /** The credentials, for an engineer listed in {@code ENGINEERS}; every answer is written to the audit log. */
    @Override
    public RevealResult reveal(String handOffId, Engineer engineer) {
        Instant now = now();
        Optional<HandOff> found = handOffId == null ? Optional.empty() : repository.find(handOffId);
        if (found.isEmpty()) {
            audit(now, engineer, Action.REVEAL, handOffId, "UNKNOWN");
            return new RevealResult.Unknown();
        }
        HandOff handOff = found.get();
        if (!engineers.allows(engineer)) {
            audit(now, engineer, Action.REVEAL, handOffId, "REFUSED");
            LOG.warn("Refused to reveal hand-off {} to {} user {}: not in ENGINEERS", handOff.reference(),
                    engineer.platform(), engineer.userId());
            return new RevealResult.Refused(handOff.reference());
        }
        Optional<Credentials> credentials = credentials(handOff);
        if (credentials.isEmpty()) {
            audit(now, engineer, Action.REVEAL, handOffId, "GONE");
            return new RevealResult.Gone(handOff.reference(), why(handOff));
        }
        audit(now, engineer, Action.REVEAL, handOffId, "REVEALED");
        LOG.info("Revealed hand-off {} to {} user {}", handOff.reference(), engineer.platform(), engineer.userId());
        return new RevealResult.Revealed(handOff.reference(), credentials.get());
    }

    /**
     * Records that the migration system has the credentials; the secret is purged {@code purgeGrace} later.
     * Engineers only; audited.
     */
    @Override
    public MarkResult markReceived(String handOffId, Engineer engineer) {
        Instant now = now();
        Optional<HandOff> found = handOffId == null ? Optional.empty() : repository.find(handOffId);
        if (found.isEmpty()) {
            audit(now, engineer, Action.MARK_RECEIVED, handOffId, "UNKNOWN");
            return new MarkResult.Unknown();
        }
        HandOff handOff = found.get();
        if (!engineers.allows(engineer)) {
            audit(now, engineer, Action.MARK_RECEIVED, handOffId, "REFUSED");
            return new MarkResult.Refused(handOff.reference());
        }
        if (handOff.received().isPresent()) {
            audit(now, engineer, Action.MARK_RECEIVED, handOffId, "ALREADY_RECEIVED");
            return new MarkResult.AlreadyReceived(handOff.reference(), handOff.received().get().at(),
                    handOff.received().get().by());
        }
        if (handOff.purge().isPresent()) {
            audit(now, engineer, Action.MARK_RECEIVED, handOffId, "GONE");
            return new MarkResult.Gone(handOff.reference(), why(handOff));
        }
        AuditEntry audit = entry(now, engineer, Action.MARK_RECEIVED, handOffId, "MARKED");
        if (!repository.markReceived(handOffId, now, engineer.platform() + ":" + engineer.userId(), audit)) {
            // Another engineer marked it between our read and our write.
            return markReceived(handOffId, engineer);
        }
        return new MarkResult.Marked(handOff.reference(), now.plus(policy.purgeGrace()));
    }

    /**
     * The merchant takes back what they sent from this setup: every hand-off not yet received loses its
     * secret and its pending deliveries. Returns the hand-offs withdrawn.
     */
    public List<HandOff> withdraw(SessionKey key, Actor actor) {
        Instant now = now();
        List<HandOff> withdrawn = new ArrayList<>();
        for (HandOff handOff : repository.withdrawable(key)) {
            AuditEntry audit = new AuditEntry(now, key.platform(), key.workspace(), actor.id(), Action.WITHDRAW,
                    handOff.id(), "WITHDRAWN");
            if (repository.purge(handOff.id(), now, PurgeReason.WITHDRAWN, true, audit)) {
                withdrawn.add(handOff);
                LOG.info("Hand-off {} withdrawn by the merchant", handOff.reference());
            }
        }
        return withdrawn;
    }

    /** Removes every secret past its grace period after receipt or past the retention period; returns how many. */
    public int purgeDue() {
        Instant now = now();
        int purged = 0;
        for (String id : repository.receivedBefore(now.minus(policy.purgeGrace()))) {
            purged += purge(id, now, PurgeReason.RECEIVED) ? 1 : 0;
        }
        for (String id : repository.submittedBefore(now.minus(policy.retention()))) {
            purged += purge(id, now, PurgeReason.RETENTION) ? 1 : 0;
        }
        if (purged > 0) {
            LOG.info("Purged the secrets of {} hand-offs (received, or past retention); their records stay", purged);
        }
        return purged;
    }

    /** Seals again with the primary key every secret sealed with an older one; returns how many. */
    public int resealWithPrimaryKey() {
        int resealed = 0;
        List<String> ids;
        List<String> failed = new ArrayList<>();
        do {
            ids = repository.sealedWithOtherThan(keys.primaryId(), RESEAL_BATCH);
            ids.removeAll(failed);
            for (String id : ids) {
                Optional<Sealed> old = repository.sealedSecret(id);
                if (old.isEmpty()) {
                    continue;
                }
                try {
                    Sealed fresh = new Sealed(cipher.reseal(old.get().text(), id), keys.primaryId());
                    resealed += repository.replaceSealed(id, old.get(), fresh) ? 1 : 0;
                } catch (CredentialCipher.SealedSecretException e) {
                    LOG.error("Cannot re-encrypt hand-off {}: {}", id, e.getMessage());
                    failed.add(id);
                }
            }
        } while (!ids.isEmpty() && ids.size() == RESEAL_BATCH);
        if (resealed > 0) {
            LOG.info("Re-encrypted {} stored secrets with key {}", resealed, keys.primaryId());
        }
        return resealed;
    }

    public Optional<String> latestReference(SessionKey key) {
        return repository.latest(key).map(HandOff::reference);
    }

    public Optional<HandOff> find(String handOffId) {
        return repository.find(handOffId);
    }

    /** What the engineers' channels are told: masked values only. */
    public Optional<HandOffNotice> notice(String handOffId) {
        return repository.find(handOffId).map(handOff -> {
            Optional<Credentials> credentials = credentials(handOff);
            return new HandOffNotice(handOff.id(), handOff.reference(), handOff.storeHash(), handOff.storeName(),
                    handOff.storeDomain(), handOff.apiPath(), handOff.direction(), handOff.dataSets(), handOff.scopes(),
                    credentials.map(c -> abbreviated(c.clientId().value())).orElse("(removed)"),
                    credentials.map(c -> "****(" + c.accessToken().value().length() + " chars)").orElse("(removed)"),
                    handOff.submitter(), handOff.submittedAt());
        });
    }

    /** The stored credentials of a hand-off, while they are stored. */
    Optional<Credentials> credentials(HandOff handOff) {
        return repository.sealedSecret(handOff.id()).map(sealed -> {
            try {
                Map<?, ?> secret = JSON.readValue(cipher.open(sealed.text(), handOff.id()), Map.class);
                return new Credentials(new StoreHash(handOff.storeHash()), new ClientId((String) secret.get("clientId")),
                        new AccessToken((String) secret.get("accessToken")));
            } catch (JsonProcessingException e) {
                throw new CredentialCipher.SealedSecretException("the secret of hand-off " + handOff.reference()
                        + " opened but is not the expected JSON");
            }
        });
    }

    public List<AuditEntry> auditOf(String handOffId) {
        return repository.auditOf(handOffId);
    }

    private boolean purge(String id, Instant now, PurgeReason reason) {
        Optional<HandOff> handOff = repository.find(id);
        if (handOff.isEmpty()) {
            return false;
        }
        SessionKey key = handOff.get().session();
        AuditEntry audit = new AuditEntry(now, key.platform(), key.workspace(), "purge-job", Action.PURGE, id, reason.name());
        return repository.purge(id, now, reason, reason == PurgeReason.RETENTION, audit);
    }

    private HandOff newHandOff(Submission submission) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        Optional<StoreInfo> store = submission.report().store();
        List<ScopeSummary> scopes = new ArrayList<>();
        for (ScopeCheck check : submission.report().scopes()) {
            scopes.add(new ScopeSummary(check.scope().controlPanelName(), check.needed().controlPanelName(),
                    check.status().name()));
        }
        return new HandOff(id, reference(), submission.key(), submission.sessionVersion(),
                submission.credentials().storeHash().value(), store.map(StoreInfo::name).orElse(""),
                store.map(StoreInfo::domain).orElse(""), submission.direction(), submission.dataSets(), scopes, now(),
                Optional.empty(), Optional.empty());
    }

    /** {@code BC-7K4Q-2MXD}: 40 random bits, short enough to read out on a call. */
    private String reference() {
        StringBuilder reference = new StringBuilder("BC-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return reference.toString();
    }

    private static String secretJson(Credentials credentials) {
        try {
            return JSON.writeValueAsString(Map.of("apiPath", credentials.apiPath(),
                    "clientId", credentials.clientId().value(), "accessToken", credentials.accessToken().value()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credentials cannot be written as JSON");
        }
    }

    private static String why(HandOff handOff) {
        return handOff.purge().map(purge -> switch (purge.reason()) {
            case RECEIVED -> "removed after the migration team confirmed receipt";
            case RETENTION -> "removed when the retention period ended";
            case WITHDRAWN -> "withdrawn by the merchant";
        }).orElse("removed");
    }

    private static String abbreviated(String value) {
        return value.length() <= 4 ? "****" : value.substring(0, 4) + "…";
    }

    /** Only someone in {@code ENGINEERS} may choose where hand-offs are posted; both answers are audited. */
    @Override
    public boolean mayRegisterChannel(Engineer engineer, String channelId) {
        boolean allowed = engineers.allows(engineer);
        audit(now(), engineer, Action.REGISTER_CHANNEL, channelId, allowed ? "ALLOWED" : "REFUSED");
        if (!allowed) {
            LOG.warn("Refused to make a chat the engineers' channel for {} user {}: not in ENGINEERS",
                    engineer.platform(), engineer.userId());
        }
        return allowed;
    }

    private void audit(Instant now, Engineer engineer, Action action, String handOffId, String outcome) {
        repository.audit(entry(now, engineer, action, handOffId, outcome));
    }

    private static AuditEntry entry(Instant now, Engineer engineer, Action action, String handOffId, String outcome) {
        // An id typed by a person may be anything: keep what fits the column.
        String id = handOffId == null ? "" : handOffId.length() > 64 ? handOffId.substring(0, 64) : handOffId;
        return new AuditEntry(now, engineer.platform(), engineer.workspace(), engineer.userId(), action, id, outcome);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncate so what is read back equals what was written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
