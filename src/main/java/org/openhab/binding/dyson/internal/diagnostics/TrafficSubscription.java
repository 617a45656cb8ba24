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
package org.openhab.binding.dyson.internal.diagnostics;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One listener on a {@link TrafficTap}: a bounded queue of the messages since it attached, drained by the listener.
 * Messages that find the queue full are dropped and counted ({@link #dropped()}). Closing detaches it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class TrafficSubscription implements AutoCloseable {

    private final TrafficTap tap;
    private final BlockingQueue<TrafficRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    TrafficSubscription(TrafficTap tap, int capacity) {
        this.tap = tap;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    void offer(TrafficRecord record) {
        if (!closed && !queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    /** The next message, waiting at most {@code timeout}; null when none came in time. */
    public @Nullable TrafficRecord poll(Duration timeout) throws InterruptedException {
        long nanos = Math.max(0, timeout.toNanos());
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /** The next message if one is waiting, else null. */
    public @Nullable TrafficRecord poll() {
        return queue.poll();
    }

    /** Messages dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Detaches from the tap; messages still queued can be drained. Idempotent. */
    @Override
    public void close() {
        closed = true;
        tap.detach(this);
    }
}
