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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two minutes of the reliability soak ({@link ReliabilitySoak}) in the test command, with a fixed seed whose first
 * five fault gaps are short, so every fault kind comes once: no command lost, every thing back ONLINE, no more
 * connection or network threads than at the start. The report goes to the test's output file.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ReliabilitySoakTest {

    /** Faults in this order: silent device, broker restart, cloud API errors, session expiry, connection drop. */
    private static final long SEED = 23;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void twoMinutesOfFaultsLoseNoCommandAndLeaveNoThreadsBehind() throws Exception {
        SoakOptions options = new SoakOptions(Duration.ofMinutes(2), SEED, SoakOptions.DEFAULT_DEVICES,
                Duration.ofSeconds(SoakOptions.DEFAULT_GRACE_SECONDS));

        SoakResult result = ReliabilitySoak.run(options, System.out::println);
        String report = SoakReport.format(result);
        System.out.println(report);

        assertEquals(List.of(), result.problems(), report);
        assertEquals(0, result.lost(), report);
        assertTrue(result.finalCheck().recovered(), report);
        assertTrue(result.sent() >= 30, "a command every 1-3 s: " + report);
        assertEquals(result.sent(), result.applied() + result.refused(), report);
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        result.recoveries().forEach(outcome -> kinds.add(outcome.fault().kind()));
        assertEquals(EnumSet.allOf(FaultKind.class), kinds, report);
    }
}
