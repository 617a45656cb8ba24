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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The soak's command-line options.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class SoakOptionsTest {

    @Test
    void defaultsAreThirtyMinutesTwelveDevicesThirtySecondsGrace() {
        SoakOptions options = SoakOptions.parse(new String[0]);

        assertEquals(Duration.ofMinutes(30), options.duration());
        assertEquals(12, options.devices());
        assertEquals(Duration.ofSeconds(30), options.grace());
    }

    @Test
    void optionsAreReadAndRepeatable() {
        SoakOptions options = SoakOptions.parse(new String[] { "--minutes=2.5", "--seed=42", "--devices=10",
                "--grace=20" });

        assertEquals(Duration.ofSeconds(150), options.duration());
        assertEquals(42, options.seed());
        assertEquals(10, options.devices());
        assertEquals(Duration.ofSeconds(20), options.grace());
        assertEquals(options, SoakOptions.parse(options.asArguments().split(" ")));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(new String[] { "--hours=1" }));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(new String[] { "--seed=x" }));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(new String[] { "--devices=1" }));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(new String[] { "30" }));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(new String[] { "--minutes=0" }));
    }
}
