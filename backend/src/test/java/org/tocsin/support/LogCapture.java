package org.tocsin.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the application logged while an attack ran: every event at INFO or above, from every logger.
 * Hostile input may cost at most a line of log each, never a stack trace (issue 10, finding 12: a
 * 39 KB trace per request lets anyone fill the disk).
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    public static LogCapture start() {
        return new LogCapture();
    }

    private LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    /** Events at INFO or above, as "LEVEL logger: message". */
    public synchronized List<String> lines() {
        return events().stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
                .toList();
    }

    /** The events that carry a stack trace. */
    public List<String> traces() {
        return events().stream()
                .filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage() + " ("
                        + e.getThrowableProxy().getClassName() + ": "
                        + e.getThrowableProxy().getMessage() + ")")
                .toList();
    }

    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return appender.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
