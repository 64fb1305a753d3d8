package dev.bcsetup.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Short, plain error bodies: what went wrong in words, never a stack trace. */
final class ErrorPages {

    private ErrorPages() {
    }

    static void send(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(status.getCode() + " " + message + "\n");
    }
}
