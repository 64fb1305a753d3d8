package dev.bcsetup.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line the server writes while attached, formatted with its arguments and any stack trace, for secret scans. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
