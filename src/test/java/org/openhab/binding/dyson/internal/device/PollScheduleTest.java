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
package org.openhab.binding.dyson.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.device.PollSchedule.Poll;

/**
 * The polling cadence over an hour, with the poll job running every local interval as the handler schedules it
 * (started a little before the link came up, and each run a little late).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class PollScheduleTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    /** Counts the polls of one hour after a connect at {@code START}. */
    private static Map<Poll, Integer> hour(PollSchedule schedule, int jobSeconds, boolean cloud) {
        schedule.askedEverything(START.plusMillis(300)); // the link asks for everything once connected
        Map<Poll, Integer> counts = new EnumMap<>(Poll.class);
        for (int run = 1; run * jobSeconds <= 3600; run++) {
            Instant at = START.plusSeconds((long) run * jobSeconds).plusMillis(run % 7 * 40L);
            counts.merge(schedule.due(at, cloud, false), 1, Integer::sum);
        }
        return counts;
    }

    /** PUBLISHes both ways: each request and its answer. */
    private static int messages(Map<Poll, Integer> counts) {
        return 2 * (2 * counts.getOrDefault(Poll.STATE_AND_SENSORS, 0)
                + 3 * counts.getOrDefault(Poll.STATE_SENSORS_AND_FAULTS, 0));
    }

    @Test
    void overTheCloudTheDefaultsStayUnderSixtyMessagesAnHour() {
        Map<Poll, Integer> counts = hour(new PollSchedule(60, 300), 60, true);

        assertEquals(8, counts.get(Poll.STATE_AND_SENSORS));
        assertEquals(4, counts.get(Poll.STATE_SENSORS_AND_FAULTS), "the faults every third poll");
        assertEquals(56, messages(counts));
    }

    @Test
    void locallyEveryRunPollsAndTheFaultsEveryFiveMinutes() {
        Map<Poll, Integer> counts = hour(new PollSchedule(60, 300), 60, false);

        assertEquals(48, counts.get(Poll.STATE_AND_SENSORS));
        assertEquals(12, counts.get(Poll.STATE_SENSORS_AND_FAULTS));
        assertEquals(null, counts.get(Poll.NOTHING));
    }

    @Test
    void theCloudIntervalIsNeverShorterThanTheLocalOne() {
        Map<Poll, Integer> counts = hour(new PollSchedule(600, 300), 600, true);

        assertEquals(6, counts.get(Poll.STATE_AND_SENSORS) + counts.get(Poll.STATE_SENSORS_AND_FAULTS));
    }

    @Test
    void aForcedPollAsksAtOnceAndTheNextRunWaitsAFullIntervalAgain() {
        PollSchedule schedule = new PollSchedule(60, 300);
        schedule.askedEverything(START);

        assertEquals(Poll.NOTHING, schedule.due(START.plusSeconds(120), true, false));
        assertEquals(Poll.STATE_AND_SENSORS, schedule.due(START.plusSeconds(130), true, true));
        assertEquals(Poll.NOTHING, schedule.due(START.plusSeconds(300), true, false));
        assertEquals(Poll.STATE_AND_SENSORS, schedule.due(START.plusSeconds(430), true, false));
        assertEquals(Poll.NOTHING, schedule.due(START.plusSeconds(600), true, false));
    }
}
