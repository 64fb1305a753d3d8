package dev.bcsetup.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Every log line the server writes while attached, formatted with its arguments and any stack trace, for secret
 * scans. {@link #everythingAtDebug} goes further: every logger (ours, the SDKs', Jetty's, the pool's, the
 * database's) at DEBUG, java.util.logging at its finest too, each line with its MDC, key-value pairs and raw
 * arguments, and none of it printed while attached.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Map<Logger, Level> levelsBefore = new HashMap<>();
    private final List<Appender<ILoggingEvent>> silenced = new ArrayList<>();
    private final JulHandler jul = new JulHandler();
    private java.util.logging.Level julLevelBefore;
    private boolean everything;

    static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    /** Attaches with every logger at DEBUG and the console quiet, until {@link #close}. */
    static LogCapture everythingAtDebug() {
        LogCapture capture = attach();
        capture.everything = true;
        LoggerContext context = root().getLoggerContext();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                capture.levelsBefore.put(logger, logger.getLevel());
                logger.setLevel(Level.DEBUG);
            }
        }
        for (Iterator<Appender<ILoggingEvent>> it = root().iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender != capture) {
                capture.silenced.add(appender);
            }
        }
        capture.silenced.forEach(root()::detachAppender);
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        capture.julLevelBefore = julRoot.getLevel();
        julRoot.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(capture.jul);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (everything) {
            if (event.getArgumentArray() != null && event.getArgumentArray().length > 0) {
                line.append(" [args ").append(Arrays.deepToString(event.getArgumentArray())).append(']');
            }
            if (event.getMDCPropertyMap() != null && !event.getMDCPropertyMap().isEmpty()) {
                line.append(" [mdc ").append(event.getMDCPropertyMap()).append(']');
            }
            if (event.getKeyValuePairs() != null && !event.getKeyValuePairs().isEmpty()) {
                line.append(" [kv ").append(event.getKeyValuePairs()).append(']');
            }
        }
        if (event.getThrowableProxy() != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        lines.add(line.toString());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        if (everything) {
            silenced.forEach(root()::addAppender);
            levelsBefore.forEach(Logger::setLevel);
            java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
            julRoot.removeHandler(jul);
            julRoot.setLevel(julLevelBefore);
        }
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Libraries that log through java.util.logging (the JDK's own HTTP clients among them). */
    private final class JulHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder("jul:").append(record.getLoggerName()).append(' ')
                    .append(record.getMessage());
            if (record.getParameters() != null && record.getParameters().length > 0) {
                line.append(" [args ").append(Arrays.deepToString(record.getParameters())).append(']');
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            synchronized (LogCapture.this) {
                lines.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
