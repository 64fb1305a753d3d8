package dev.bcsetup.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;

/** A browser's random id, kept in an HttpOnly cookie: read when well-formed, made and set otherwise. */
public final class BrowserId {

    private BrowserId() {
    }

    /** {@code settings} gives a new cookie its path, SameSite and lifetime before it is sent. */
    public static String of(Context ctx, String cookieName, SecureRandom random, Consumer<Cookie> settings) {
        String cookie = ctx.cookie(cookieName);
        if (cookie != null && cookie.matches("[0-9a-f]{32}")) {
            return cookie;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        Cookie fresh = new Cookie(cookieName, id);
        fresh.setHttpOnly(true);
        settings.accept(fresh);
        ctx.cookie(fresh);
        return id;
    }
}
