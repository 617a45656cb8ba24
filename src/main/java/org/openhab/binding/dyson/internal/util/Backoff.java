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
package org.openhab.binding.dyson.internal.util;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Exponential back-off with jitter: the first delay is {@code initial}, each failure doubles it up to
 * {@code max}; every delay is spread by up to ±{@code jitter} so that many devices do not retry in step.
 * Not thread-safe; each retry loop owns one.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final double jitter;
    private int failures;

    public Backoff(Duration initial, Duration max, double jitter) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("Invalid back-off settings");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.jitter = jitter;
    }

    /** The project's default: about 1 s doubling to 5 min, ±20 %. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public Duration nextDelay() {
        long base = baseMillis(failures);
        failures = Math.min(failures + 1, 62);
        double spread = jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        long delay = Math.round(base * (1 + spread));
        return Duration.ofMillis(Math.max(1, Math.min(delay, maxMillis)));
    }

    /** Forgets past failures (call after a success). */
    public void reset() {
        failures = 0;
    }

    /** Consecutive failures since the last reset. */
    public int failures() {
        return failures;
    }

    private long baseMillis(int n) {
        long delay = initialMillis;
        for (int i = 0; i < n && delay < maxMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxMillis);
    }
}
