package dev.bcsetup.handoff;

import dev.bcsetup.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The hand-off storage contract on the embedded H2 file, the default storage. */
class H2HandOffStorageTest extends HandOffStorageContract {

    @TempDir
    Path dataDirectory;

    private Database database;

    @Override
    Database emptyDatabase() {
        database = Database.open(Optional.empty(), dataDirectory);
        return database;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** Every file under the data folder, byte for byte, after H2 has written all it holds to disk. */
    @Override
    boolean storesAnywhere(Database database, String text) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        return H2Files.contain(dataDirectory, text);
    }

    /** Raw search of a folder's files, shared with the other tests that look for leaked secrets. */
    static final class H2Files {
        private H2Files() {
        }

        static boolean contain(Path directory, String text) throws Exception {
            byte[] needle = text.getBytes(StandardCharsets.UTF_8);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
