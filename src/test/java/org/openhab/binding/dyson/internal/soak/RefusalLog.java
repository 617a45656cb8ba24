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
package org.openhab.binding.dyson.internal.soak;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Watches the device handler's log for refused commands: every line of logger {@link DysonDeviceHandler} that contains
 * {@value #REFUSAL_WORDS} (the handler names the channel and the serial in it) goes to a listener and is counted.
 * Unlike {@code LogCapture} it keeps no lines and leaves every other logger alone, so a 30-minute run does not grow
 * the heap it measures. The handler logs refusals at DEBUG: the logger is set to DEBUG while this is installed.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class RefusalLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    static final String LOGGER = DysonDeviceHandler.class.getName();
    static final String REFUSAL_WORDS = "not sent";

    private final Consumer<String> listener;
    private final AtomicInteger lines = new AtomicInteger();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private @Nullable Level savedLevel;

    /** Attaches to the handler's logger; {@code listener} gets each refusal line, on the thread that logged it. */
    RefusalLog(Consumer<String> listener) {
        this.listener = listener;
        setName("soak-refusals");
        setContext(logger.getLoggerContext());
        start();
        savedLevel = logger.getLevel();
        if (!logger.isDebugEnabled()) {
            logger.setLevel(Level.DEBUG);
        }
        logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message != null && message.contains(REFUSAL_WORDS)) {
            lines.incrementAndGet();
            listener.accept(message);
        }
    }

    /** Refusal lines seen so far. */
    int count() {
        return lines.get();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(savedLevel);
        stop();
    }
}
