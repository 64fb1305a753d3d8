package dev.bcsetup.server;

import dev.bcsetup.flow.FlowLibrary;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Serves the step pictures from the class path, read once and kept in memory, with cache headers. */
final class Assets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}\\.png");

    private final Map<String, Optional<byte[]>> loaded = new ConcurrentHashMap<>();

    void serve(Context ctx) {
        String name = ctx.pathParam("name");
        Optional<byte[]> png = NAME.matcher(name).matches()
                ? loaded.computeIfAbsent(name, Assets::read) : Optional.empty();
        if (png.isEmpty()) {
            ErrorPages.send(ctx, HttpStatus.NOT_FOUND, "No picture by that name.");
            return;
        }
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(png.get())) + "\"";
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("image/png").result(png.get());
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(FlowLibrary.IMAGE_ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
