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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class BackoffTest {

    @Test
    void doublesUpToTheMaximumWithoutJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0);
        assertEquals(Duration.ofSeconds(1), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(2), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(4), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(5), backoff.nextDelay());
        assertEquals(Duration.ofSeconds(5), backoff.nextDelay());
        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.nextDelay());
    }

    @Test
    void jitterStaysWithinItsSpreadAndTheMaximum() {
        Backoff backoff = Backoff.standard();
        for (int i = 0; i < 200; i++) {
            long millis = backoff.nextDelay().toMillis();
            assertTrue(millis >= 1 && millis <= Duration.ofMinutes(5).toMillis(), "delay " + millis);
            if (i == 0) {
                assertTrue(millis >= 800 && millis <= 1200, "first delay " + millis);
            }
        }
        assertEquals(62, backoff.failures());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
    }
}
