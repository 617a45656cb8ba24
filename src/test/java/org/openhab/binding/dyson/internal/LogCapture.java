/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.dyson.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

/**
 * Captures every log line (message and exception messages) at TRACE while active. Use as a JUnit 5 extension
 * ({@code @RegisterExtension final LogCapture logs = new LogCapture();}) or with try-with-resources around
 * {@link #start()}. The root logger goes to TRACE; chatty third-party loggers (Jetty, Netty, Moquette) stay at INFO
 * because their debug output is not the binding's. Levels are restored on {@link #stop()}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private static final List<String> QUIET_LOGGERS = List.of("org.eclipse.jetty", "io.netty", "io.moquette");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<String, @Nullable Level> savedLevels = new LinkedHashMap<>();

    /** Starts capturing; returns this for try-with-resources. */
    public LogCapture start() {
        if (appender.isStarted()) {
            return this;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        setLevel(root, Level.TRACE);
        setLevel(context.getLogger("org.openhab.binding.dyson"), Level.TRACE);
        for (String name : QUIET_LOGGERS) {
            setLevel(context.getLogger(name), Level.INFO);
        }
        appender.setContext(context);
        appender.setName("log-capture");
        appender.start();
        root.addAppender(appender);
        return this;
    }

    /** Stops capturing and restores the levels; the captured lines stay readable. */
    public void stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        savedLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        savedLevels.clear();
    }

    /** Each captured event as {@code LEVEL logger message}, followed by the messages of its exception chain. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ')
                    .append(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Fails naming the line (but not the secret itself) if any captured line contains one of the secrets. */
    public void assertNoneContains(Collection<String> secrets) {
        List<String> lines = lines();
        for (String secret : secrets) {
            for (String line : lines) {
                if (!secret.isEmpty() && line.contains(secret)) {
                    fail("A secret (" + secret.length() + " chars) appears in the log line: "
                            + line.replace(secret, "<SECRET>"));
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    @Override
    public void close() {
        stop();
    }

    private void setLevel(Logger logger, Level level) {
        if (!savedLevels.containsKey(logger.getName())) {
            savedLevels.put(logger.getName(), logger.getLevel());
        }
        logger.setLevel(level);
    }
}
