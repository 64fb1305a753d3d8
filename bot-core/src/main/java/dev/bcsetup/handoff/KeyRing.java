package dev.bcsetup.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys that encrypt stored credentials, each with an id. The first key encrypts; every key decrypts,
 * so a new key goes first and the old ones stay until their records are re-encrypted. Written as
 * {@code id:base64key,id:base64key} (each key 32 random bytes, AES-256). {@code toString} shows ids only.
 */
public final class KeyRing {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final int KEY_BYTES = 32;

    private final String primaryId;
    private final Map<String, byte[]> keys;

    private KeyRing(String primaryId, Map<String, byte[]> keys) {
        this.primaryId = primaryId;
        this.keys = keys;
    }

    /** Reads the text form; the message of a failure never contains key material. */
    public static KeyRing parse(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String primary = null;
        for (String entry : text.strip().split("\\s*,\\s*")) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("each key must be written as id:base64key, separated by commas");
            }
            String id = entry.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id must be 1-32 lower-case letters, digits or dashes");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + id + " is not valid base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + id + " must be " + KEY_BYTES + " bytes (openssl rand -base64 32)");
            }
            if (keys.put(id, key) != null) {
                throw new IllegalArgumentException("key id " + id + " appears twice");
            }
            if (primary == null) {
                primary = id;
            }
        }
        return new KeyRing(primary, keys);
    }

    /** Local mode: the key ring kept in {@code file}, made once with a fresh key readable by this user only. */
    public static KeyRing loadOrCreate(Path file, SecureRandom random, Clock clock) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[KEY_BYTES];
                random.nextBytes(key);
                String id = "local-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
                Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
                try {
                    restrict(temp);
                    Files.writeString(temp, id + ":" + Base64.getEncoder().encodeToString(key) + "\n");
                    move(temp, file);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local key file " + file, e);
        }
    }

    public String primaryId() {
        return primaryId;
    }

    byte[] primaryKey() {
        return keys.get(primaryId);
    }

    Optional<byte[]> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public String toString() {
        return "KeyRing" + keys.keySet();
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException another) {
            // Another instance made it first: theirs wins, ours is dropped.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
    }
}
