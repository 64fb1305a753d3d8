package dev.bcsetup.slack;

import dev.bcsetup.flow.Flow;
import dev.bcsetup.flow.FlowLibrary;
import dev.bcsetup.flow.Picture;
import dev.bcsetup.flow.Step;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step pictures for a bot Slack cannot reach (no {@code PUBLIC_BASE_URL}): each is uploaded once with
 * {@code files.uploadV2}, then shown by {@code slack_file} ID. Slack has refused a file used right after its
 * upload ({@code invalid_blocks}, java-slack-sdk #1349), so a fresh file waits a moment, and a refusal
 * puts it back to waiting while the step is shown with its text description instead.
 */
final class SlackPictures implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPictures.class);
    static final Duration SETTLE = Duration.ofSeconds(3);

    private record Uploaded(String fileId, Instant usableFrom) {
    }

    private final SlackWebApi api;
    private final Clock clock;
    private final Map<String, Uploaded> uploaded = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService uploads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slack-pictures");
        thread.setDaemon(true);
        return thread;
    });

    SlackPictures(SlackWebApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Uploads every picture the flow shows, in the background, one after another. */
    void uploadAll(Flow flow) {
        Set<Picture> pictures = new LinkedHashSet<>();
        for (Step step : flow.steps()) {
            pictures.add(step.picture());
            pictures.addAll(step.pictureByDirection().values());
        }
        pictures.forEach(this::prepare);
    }

    /** The uploaded file to show for this picture, once Slack is ready to take it; empty means "describe it". */
    Optional<String> fileFor(Picture picture) {
        Uploaded file = uploaded.get(picture.file());
        if (file == null) {
            prepare(picture);
            return Optional.empty();
        }
        return clock.instant().isBefore(file.usableFrom()) ? Optional.empty() : Optional.of(file.fileId());
    }

    /** Slack refused a message showing this file: wait a little longer before using it again. */
    boolean refused(String fileName) {
        Uploaded file = uploaded.get(fileName);
        if (file == null) {
            return false;
        }
        uploaded.put(fileName, new Uploaded(file.fileId(), clock.instant().plus(SETTLE)));
        LOG.info("Slack refused picture {} ({}) for now; describing it in text until it settles", fileName, file.fileId());
        return true;
    }

    Set<String> uploadedNames() {
        return new TreeSet<>(uploaded.keySet());
    }

    private void prepare(Picture picture) {
        if (picture == null || uploaded.containsKey(picture.file()) || !pending.add(picture.file())) {
            return;
        }
        uploads.execute(() -> {
            try (InputStream in = SlackPictures.class.getClassLoader().getResourceAsStream(FlowLibrary.IMAGE_ROOT + picture.file())) {
                if (in == null) {
                    LOG.warn("Picture {} is not among the flow's images; it stays described in text", picture.file());
                    return;
                }
                String id = api.uploadFile(picture.file(), in.readAllBytes(), picture.alt());
                uploaded.put(picture.file(), new Uploaded(id, clock.instant().plus(SETTLE)));
            } catch (IOException | SlackCallFailed e) {
                if (uploads.isShutdown()) {
                    return;
                }
                LOG.warn("Picture {} not uploaded to Slack ({}); it stays described in text", picture.file(),
                        e instanceof SlackCallFailed failed ? failed.error() : e.getClass().getSimpleName());
            } finally {
                pending.remove(picture.file());
            }
        });
    }

    @Override
    public void close() {
        uploads.shutdownNow();
    }
}
