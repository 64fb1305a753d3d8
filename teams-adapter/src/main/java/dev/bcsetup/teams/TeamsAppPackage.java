package dev.bcsetup.teams;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the Teams app package: {@code manifest.json} with the bot's app ID and public host filled in, and the
 * two icons, side by side in one zip without folders, as Teams requires. The manifest module runs it at
 * build time; the values come from {@code MICROSOFT_APP_ID} and {@code PUBLIC_BASE_URL}, else placeholders.
 */
public final class TeamsAppPackage {

    /** Used when MICROSOFT_APP_ID is not set at build time: the package then needs rebuilding before upload. */
    public static final String PLACEHOLDER_APP_ID = "00000000-0000-0000-0000-000000000000";
    public static final String PLACEHOLDER_BASE_URL = "https://bot.example.com";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private TeamsAppPackage() {
    }

    /** Args: the folder holding manifest.json, color.png and outline.png; the zip to write. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TeamsAppPackage <manifest/teams folder> <output zip>");
            System.exit(2);
        }
        String appId = env("MICROSOFT_APP_ID", PLACEHOLDER_APP_ID);
        String baseUrl = env("PUBLIC_BASE_URL", PLACEHOLDER_BASE_URL);
        write(Path.of(args[0]), appId, baseUrl, Path.of(args[1]));
        System.out.println("Teams app package " + args[1] + " for app " + appId + " at " + baseUrl
                + (appId.equals(PLACEHOLDER_APP_ID) ? " (placeholder: set MICROSOFT_APP_ID and PUBLIC_BASE_URL, then rebuild)" : ""));
    }

    /** The manifest with its placeholders filled. */
    public static String manifest(Path folder, String appId, String publicBaseUrl) throws IOException {
        if (!GUID.matcher(appId).matches()) {
            throw new IllegalArgumentException("MICROSOFT_APP_ID must be a GUID");
        }
        URI base = URI.create(publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl);
        if (!"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL must be an https origin");
        }
        String template = Files.readString(folder.resolve("manifest.json"), StandardCharsets.UTF_8);
        String host = base.getPort() > 0 ? base.getHost() + ":" + base.getPort() : base.getHost();
        for (Map.Entry<String, String> value : Map.of("{{MICROSOFT_APP_ID}}", appId,
                "{{PUBLIC_BASE_URL}}", base.toString(), "{{PUBLIC_HOST}}", host).entrySet()) {
            template = template.replace(value.getKey(), value.getValue());
        }
        return template;
    }

    public static void write(Path folder, String appId, String publicBaseUrl, Path zip) throws IOException {
        String manifest = manifest(folder, appId, publicBaseUrl);
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            add(out, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            add(out, "color.png", Files.readAllBytes(folder.resolve("color.png")));
            add(out, "outline.png", Files.readAllBytes(folder.resolve("outline.png")));
        }
    }

    private static void add(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
