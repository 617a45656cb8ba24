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
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Spreads connect attempts of all devices over time: every attempt takes the first free slot at or after the time it
 * asks for, at least {@code spacing} away from every other one. After a broker or Wi-Fi outage that hit many devices
 * at once, their reconnects then arrive one after the other instead of as a burst.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ConnectPacer {

    private final long spacingNanos;
    private final TreeSet<Long> reserved = new TreeSet<>();

    public ConnectPacer(Duration spacing) {
        this.spacingNanos = spacing.toNanos();
    }

    /**
     * Reserves the first free slot at or after {@code earliest} from now: a time at least {@code spacing} away from
     * every other reserved slot.
     *
     * @return the delay from now until the reserved slot (at least {@code earliest})
     */
    public synchronized Duration reserve(Duration earliest) {
        long now = System.nanoTime();
        reserved.headSet(now - spacingNanos).clear();
        long slot = now + earliest.toNanos();
        Long near;
        while ((near = reserved.ceiling(slot - spacingNanos + 1)) != null && near < slot + spacingNanos) {
            slot = near + spacingNanos;
        }
        reserved.add(slot);
        return Duration.ofNanos(slot - now);
    }
}
