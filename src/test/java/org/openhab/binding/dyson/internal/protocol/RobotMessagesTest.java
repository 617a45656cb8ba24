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
package org.openhab.binding.dyson.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The robot vacuums' messages (§8) as the captures of a 360 Eye ({@code N223}) and a 360 Vis Nav ({@code 277}) show
 * them: parsed into a {@link DeviceState} with their state, faults and events.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotMessagesTest {

    private static final String EYE_SAMPLES = "02-libpurecoollink-test-data.jsonl";
    private static final String EYE_CLEAN = "01-matterbridge-own-device.jsonl";
    private static final String VIS_NAV_APP = "01-matterbridge-own-device.jsonl";
    private static final String VIS_NAV_LIFTED = "02-matterbridge-dyson-robot-i16-c3398240594.jsonl";

    static Stream<Captures.CaptureFile> robotFiles() {
        return Captures.robots().stream();
    }

    /** Replays the device's messages of a file up to and including line {@code last}; returns the events. */
    private static List<String> replay(DeviceState state, Captures.CaptureFile file, int last) throws Exception {
        List<String> events = new ArrayList<>();
        for (Captures.Line line : file.lines()) {
            if (line.lineNumber() > last) {
                break;
            }
            if (line.fromDevice()) {
                events.addAll(state.apply(MessageParser.parse(line.payload())).events());
            }
        }
        return events;
    }

    private static List<String> replay(DeviceState state, Captures.CaptureFile file) throws Exception {
        return replay(state, file, Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @MethodSource("robotFiles")
    void everyCapturedMessageParsesAndEveryStateMessageMakesARobot(Captures.CaptureFile file) throws Exception {
        DeviceState state = new DeviceState();
        for (Captures.Line line : file.lines()) {
            DysonMessage message = MessageParser.parse(line.payload());
            if (!line.fromDevice()) {
                continue;
            }
            state.apply(message);
            if (message.type() == MessageType.CURRENT_STATE || message.type() == MessageType.STATE_CHANGE) {
                assertTrue(state.isRobot(), line.toString());
                assertEquals(message.attribute(message.type() == MessageType.STATE_CHANGE ? "newstate" : "state"),
                        state.attribute("state"), line.toString());
                assertTrue(state.productState().isEmpty(), line.toString());
            }
        }
        assertTrue(state.isCurrentStateReceived(), file.toString());
    }

    @Test
    void theEyesCurrentStateIsKeptAsSent() throws Exception {
        DysonMessage message = MessageParser
                .parse(Captures.robotFile("N223", EYE_SAMPLES).lines().get(0).payload());
        assertEquals(MessageType.CURRENT_STATE, message.type());
        assertEquals("6,37", message.attribute("globalPosition"));
        assertEquals("100", message.attribute("batteryChargeLevel"));
        DeviceState state = new DeviceState();
        StateUpdate update = state.apply(message);
        assertEquals("INACTIVE_CHARGED", state.attribute("state"));
        assertEquals("halfPower", state.attribute("defaultVacuumPowerMode"));
        assertEquals("", state.attribute("fullCleanType"));
        assertEquals("0d000000-4141-3045-5541-414130303030", state.attribute("cleanId"));
        assertTrue(update.changedKeys().containsAll(List.of("state", "globalPosition", "batteryChargeLevel")));
        assertEquals(List.of(), update.events());
        assertEquals(List.of(), state.activeRobotFaults());
    }

    @Test
    void aStateChangeGivesTheNewStateAndStartsAClean() throws Exception {
        DeviceState state = new DeviceState();
        List<String> events = replay(state, Captures.robotFile("N223", EYE_SAMPLES), 2);
        assertEquals("FULL_CLEAN_INITIATED", state.attribute("state"));
        assertNull(state.attribute("newstate"));
        assertEquals("95", state.attribute("batteryChargeLevel"));
        assertEquals("immediate", state.attribute("fullCleanType"));
        assertEquals(List.of(RobotEvents.CLEAN_STARTED), events);
    }

    @Test
    void aStateChangeWithoutBatteryKeepsWhatWasKnown() throws Exception {
        DeviceState state = new DeviceState();
        replay(state, Captures.robotFile("N223", EYE_CLEAN), 1); // MACHINE_OFF -> INACTIVE_CHARGED, no battery
        assertEquals("INACTIVE_CHARGED", state.attribute("state"));
        assertNull(state.attribute("batteryChargeLevel"));
        assertFalse(state.isCurrentStateReceived());
        replay(state, Captures.robotFile("N223", EYE_CLEAN), 3);
        assertEquals("100", state.attribute("batteryChargeLevel"));
        assertTrue(state.isCurrentStateReceived());
    }

    @Test
    void theEyesWholeCleanStartsAndFinishesOnce() throws Exception {
        DeviceState state = new DeviceState();
        List<String> events = replay(state, Captures.robotFile("N223", EYE_CLEAN));
        assertEquals(List.of(RobotEvents.CLEAN_STARTED, RobotEvents.CLEAN_FINISHED), events);
        assertEquals("INACTIVE_CHARGED", state.attribute("state"));
        assertEquals("100", state.attribute("batteryChargeLevel"));
        assertNull(state.attribute("cleanDuration"), "no clean under way: the duration is gone");
    }

    @Test
    void aLiftedVisNavRaisesItsFaultOnceAndClearsIt() throws Exception {
        Captures.CaptureFile file = Captures.robotFile("277", VIS_NAV_LIFTED);
        DeviceState paused = new DeviceState();
        List<String> upToThePause = replay(paused, file, 16);
        assertEquals("FULL_CLEAN_PAUSED", paused.attribute("state"));
        assertEquals(List.of(), paused.activeRobotFaults());
        List<String> all = replay(new DeviceState(), file);
        assertEquals(List.of("FAULT_RAISED:23.0.3", "FAULT_CLEARED:23.0.3"),
                all.subList(upToThePause.size(), all.size()));

        DeviceState lifted = new DeviceState();
        replay(lifted, file, 17);
        assertEquals("FAULT_USER_RECOVERABLE", lifted.attribute("state"));
        assertEquals(List.of("LIFT 23.0.3"), lifted.activeRobotFaults());
        replay(lifted, file, 20); // the fault is no longer present, but the user must still continue
        assertEquals(List.of("LIFT 23.0.3"), lifted.activeRobotFaults());
        replay(lifted, file, 21);
        assertEquals(List.of(), lifted.activeRobotFaults());
        assertEquals("INACTIVE_CHARGED", lifted.attribute("state"));
    }

    @Test
    void aVisNavWithBlockedAirwaysShowsThePart() throws Exception {
        Captures.CaptureFile file = Captures.robotFile("277", VIS_NAV_APP);
        DeviceState state = new DeviceState();
        List<String> before = replay(state, file, 128);
        List<String> at = replay(new DeviceState(), file, 129);
        assertEquals(List.of("FAULT_RAISED:7.0.-1"), at.subList(before.size(), at.size()));
        DeviceState blocked = new DeviceState();
        replay(blocked, file, 129);
        assertEquals(List.of("AIRWAYS 7.0.-1"), blocked.activeRobotFaults());
        List<String> after = replay(new DeviceState(), file, 130);
        assertEquals(List.of("FAULT_CLEARED:7.0.-1"), after.subList(at.size(), after.size()));
    }

    @Test
    void theVisNavSessionOfTheAppStartsThreeCleansAndFinishesTwo() throws Exception {
        List<String> events = replay(new DeviceState(), Captures.robotFile("277", VIS_NAV_APP));
        assertEquals(3, events.stream().filter(RobotEvents.CLEAN_STARTED::equals).count());
        assertEquals(2, events.stream().filter(RobotEvents.CLEAN_FINISHED::equals).count());
    }

    @Test
    void theEyeReportsFaultsByItsStateOnly() throws Exception {
        DeviceState state = new DeviceState();
        state.apply(MessageParser.parse("{\"msg\":\"CURRENT-STATE\",\"state\":\"FULL_CLEAN_RUNNING\","
                + "\"batteryChargeLevel\":60,\"globalPosition\":[-120,310],\"time\":\"2025-08-28T08:01:00Z\"}"));
        StateUpdate lost = state.apply(MessageParser.parse("{\"msg\":\"STATE-CHANGE\",\"oldstate\":"
                + "\"FULL_CLEAN_RUNNING\",\"newstate\":\"FAULT_LOST\",\"time\":\"2025-08-28T08:02:00Z\"}"));
        assertEquals(List.of("FAULT_RAISED:FAULT_LOST"), lost.events());
        assertEquals(List.of("FAULT_LOST"), state.activeRobotFaults());
        assertNull(state.attribute("globalPosition"), "no position in the message: none known");
        StateUpdate back = state.apply(MessageParser.parse("{\"msg\":\"STATE-CHANGE\",\"oldstate\":\"FAULT_LOST\","
                + "\"newstate\":\"INACTIVE_CHARGING\",\"time\":\"2025-08-28T08:10:00Z\"}"));
        assertEquals(List.of("FAULT_CLEARED:FAULT_LOST"), back.events());
        assertEquals(List.of(), state.activeRobotFaults());
    }

    @Test
    void aFaultMapWithoutAListCountsToo() throws Exception {
        DeviceState state = new DeviceState();
        StateUpdate update = state.apply(MessageParser.parse("{\"msg\":\"CURRENT-STATE\",\"state\":"
                + "\"FAULT_USER_RECOVERABLE\",\"faults\":{\"AIRWAYS\":{\"active\":true,\"description\":\"1.0.-1\"},"
                + "\"LIFT\":{\"active\":false},\"OPTICS\":{\"active\":true}},\"time\":\"2025-08-28T08:01:00Z\"}"));
        assertEquals(List.of("AIRWAYS 1.0.-1", "OPTICS"), state.activeRobotFaults());
        assertEquals(List.of("FAULT_RAISED:1.0.-1", "FAULT_RAISED:OPTICS"), update.events());
    }

    @Test
    void imBackTellsTheState() throws Exception {
        DeviceState state = new DeviceState();
        replay(state, Captures.robotFile("N223", EYE_CLEAN), 246);
        assertEquals("INACTIVE_CHARGING", state.attribute("state"));
        replay(state, Captures.robotFile("N223", EYE_CLEAN), 247);
        assertEquals(MessageType.IM_BACK, state.lastConnectionMessage());
        assertTrue(state.isDevicePresent());
    }

    @Test
    void airDevicesAreNoRobots() throws Exception {
        DeviceState state = new DeviceState();
        state.apply(MessageParser.parse("{\"msg\":\"CURRENT-STATE\",\"time\":\"2025-01-01T12:00:00.000Z\","
                + "\"mode-reason\":\"LAPP\",\"state-reason\":\"MODE\",\"rssi\":\"-52\","
                + "\"product-state\":{\"fpwr\":\"ON\"}}"));
        assertFalse(state.isRobot());
        assertEquals(List.of(), state.activeRobotFaults());
    }
}
