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

import java.time.Instant;
import java.util.Arrays;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Counts events over a sliding hour in per-minute buckets (bounded memory): {@link #lastHour(Instant)} is the count
 * of the current minute and the 59 before it. Not thread-safe.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class MinuteCounter {

    private static final int MINUTES = 60;

    private final long[] minutes = new long[MINUTES];
    private final long[] counts = new long[MINUTES];

    MinuteCounter() {
        Arrays.fill(minutes, Long.MIN_VALUE);
    }

    void add(Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        int slot = (int) Math.floorMod(minute, MINUTES);
        if (minutes[slot] != minute) {
            minutes[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    long lastHour(Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        long sum = 0;
        for (int slot = 0; slot < MINUTES; slot++) {
            if (minutes[slot] <= minute && minutes[slot] > minute - MINUTES) {
                sum += counts[slot];
            }
        }
        return sum;
    }
}
