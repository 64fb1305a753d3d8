package dev.bcsetup.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Short, plain error bodies: what went wrong in words, never a stack trace. */
final class ErrorPages {

    /** Marks a response whose error body a handler already wrote, so the generic error page leaves it alone. */
    private static final String WRITTEN = "error-page-written";

    private ErrorPages() {
    }

    static boolean written(Context ctx) {
        return ctx.attribute(WRITTEN) != null;
    }

    static void send(Context ctx, HttpStatus status, String message) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status).contentType("text/plain; charset=utf-8").result(status.getCode() + " " + message + "\n");
    }
}
