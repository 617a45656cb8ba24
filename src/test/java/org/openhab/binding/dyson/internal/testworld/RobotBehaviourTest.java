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
package org.openhab.binding.dyson.internal.testworld;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.dyson.internal.testworld.RobotBehaviour.*;
import static org.openhab.binding.dyson.internal.testworld.RobotCapturesTest.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;

/**
 * What each simulated robot does with commands, its battery and position over simulated time, and faults; including
 * the commands a model does not take, which it drops without an answer.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotBehaviourTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private static RobotBehaviour robot(RobotModel model) {
        return new RobotBehaviour(model, "SIM-EU-" + model.type() + "0001", START, Settings.DEFAULT);
    }

    private static JsonObject startFor(RobotModel model) {
        return start("immediate", model.hasCleaningModes() ? "global" : null);
    }

    @ParameterizedTest
    @EnumSource(RobotModel.class)
    void aCleanDrainsTheBatteryMovesAndEndsChargedOnTheDock(RobotModel model) {
        RobotBehaviour robot = robot(model);
        List<JsonObject> published = new ArrayList<>();
        assertTrue(robot.command(startFor(model)));
        runUntil(robot, FULL_CLEAN_RUNNING, Duration.ofMinutes(1), published);
        int[] before = robot.position();
        robot.advance(Duration.ofMinutes(5));
        assertTrue(robot.batteryLevel() < 100, "battery drains while cleaning");
        assertNotEquals(before[0] + "," + before[1], robot.position()[0] + "," + robot.position()[1], "moved");
        List<int[]> positions = new ArrayList<>();
        for (JsonObject message : robot.drain()) {
            if (message.has("globalPosition")) {
                positions.add(new int[] { message.getAsJsonArray("globalPosition").get(0).getAsInt(),
                        message.getAsJsonArray("globalPosition").get(1).getAsInt() });
            }
        }
        assertTrue(positions.size() >= 2, "position reports while cleaning");
        runUntil(robot, INACTIVE_CHARGING, Duration.ofHours(1), published);
        int docked = robot.batteryLevel();
        robot.advance(Duration.ofMinutes(10));
        assertTrue(robot.batteryLevel() > docked, "charges on the dock");
        runUntil(robot, INACTIVE_CHARGED, Duration.ofHours(3), published);
        assertEquals(100, robot.batteryLevel());
        assertTrue(published.stream().anyMatch(m -> m.has("endOfClean")), "endOfClean when finished");
    }

    @ParameterizedTest
    @EnumSource(RobotModel.class)
    void lowBatteryStopsTheCleanToChargeAndResumesIt(RobotModel model) {
        RobotBehaviour robot = robot(model);
        robot.setBattery(20);
        List<JsonObject> published = new ArrayList<>();
        robot.command(startFor(model));
        runUntil(robot, FULL_CLEAN_NEEDS_CHARGE, Duration.ofMinutes(15), published);
        assertEquals(5, robot.batteryLevel());
        String cleanId = robot.cleanId();
        runUntil(robot, FULL_CLEAN_CHARGING, Duration.ofMinutes(10), published);
        runUntil(robot, FULL_CLEAN_RUNNING, Duration.ofHours(3), published);
        assertTrue(robot.batteryLevel() >= 80);
        assertEquals(cleanId, robot.cleanId(), "the same clean goes on");
    }

    @ParameterizedTest
    @EnumSource(RobotModel.class)
    void pauseResumeAndAbort(RobotModel model) {
        RobotBehaviour robot = robot(model);
        List<JsonObject> published = new ArrayList<>();
        robot.command(startFor(model));
        runUntil(robot, FULL_CLEAN_RUNNING, Duration.ofMinutes(1), published);
        robot.advance(Duration.ofMinutes(2));
        assertTrue(robot.command(command("PAUSE")));
        assertEquals(FULL_CLEAN_PAUSED, robot.state());
        int[] paused = robot.position();
        int battery = robot.batteryLevel();
        robot.advance(Duration.ofMinutes(5));
        assertArrayEquals(paused, robot.position(), "stands still while paused");
        assertEquals(battery, robot.batteryLevel());
        assertFalse(robot.command(command("PAUSE")), "already paused");
        assertTrue(robot.command(command("RESUME")));
        assertEquals(FULL_CLEAN_RUNNING, robot.state());
        assertFalse(robot.command(command("RESUME")), "not paused");
        assertTrue(robot.command(command("ABORT")));
        assertEquals(FULL_CLEAN_ABORTED, robot.state());
        runUntil(robot, INACTIVE_CHARGING, Duration.ofMinutes(10), published);
        assertArrayEquals(new int[] { 0, 0 }, robot.position());
        assertFalse(robot.command(command("ABORT")), "nothing to abort on the dock");
        assertFalse(robot.command(command("PAUSE")), "nothing to pause on the dock");
    }

    @ParameterizedTest
    @EnumSource(RobotModel.class)
    void commandsOutOfPlaceAreDroppedSilently(RobotModel model) {
        RobotBehaviour robot = robot(model);
        robot.drain();
        assertFalse(robot.command(command("RESUME")));
        assertFalse(robot.command(command("SOMETHING-ELSE")));
        assertFalse(robot.command(command("START")), "no fullCleanType");
        assertFalse(robot.command(start("whenever", model.hasCleaningModes() ? "global" : null)));
        assertTrue(robot.drain().isEmpty(), "no answer at all");
        assertTrue(robot.command(startFor(model)));
        robot.drain();
        assertFalse(robot.command(startFor(model)), "already cleaning");
        assertTrue(robot.drain().isEmpty());
        assertEquals(FULL_CLEAN_INITIATED, robot.state());
    }

    @Test
    void heuristAndVisNavNeedACleaningModeTheEyeDoesNot() {
        for (RobotModel model : List.of(RobotModel.HEURIST, RobotModel.VIS_NAV)) {
            RobotBehaviour robot = robot(model);
            assertFalse(robot.command(start("immediate", null)), model + " without cleaningMode");
            assertFalse(robot.command(start("immediate", "zoneConfigured")), model + " zones without a programme");
            assertEquals(INACTIVE_CHARGED, robot.state());
        }
        RobotBehaviour eye = robot(RobotModel.EYE);
        assertTrue(eye.command(start("immediate", "global")), "the Eye ignores a cleaningMode");
        assertFalse(eye.drain().get(0).has("currentCleaningMode"));
    }

    @Test
    void eachModelTakesItsOwnPowerModesOnly() {
        RobotBehaviour eye = robot(RobotModel.EYE);
        assertTrue(eye.command(stateSet("data", "defaultVacuumPowerMode", "halfPower")));
        JsonObject change = eye.drain().get(0);
        assertEquals("halfPower", change.get("defaultVacuumPowerMode").getAsString());
        assertEquals(change.get("oldstate"), change.get("newstate"));
        assertFalse(eye.command(stateSet("data", "defaultVacuumPowerMode", "3")), "a Heurist mode");
        assertFalse(eye.command(stateSet("defaults", "defaultCleaningStrategy", "quick")), "a Vis Nav strategy");
        assertEquals("halfPower", eye.defaultPower());

        RobotBehaviour heurist = robot(RobotModel.HEURIST);
        assertTrue(heurist.command(stateSet("data", "defaultVacuumPowerMode", "3")), "matterbridge's form");
        assertTrue(heurist.command(stateSet("defaults", "defaultVacuumPowerMode", "1")), "libdyson's form");
        assertFalse(heurist.command(stateSet("data", "defaultVacuumPowerMode", "4")));
        assertFalse(heurist.command(stateSet("data", "defaultVacuumPowerMode", "fullPower")));
        assertEquals("1", heurist.defaultPower());

        RobotBehaviour visNav = robot(RobotModel.VIS_NAV);
        assertTrue(visNav.command(stateSet("defaults", "defaultCleaningStrategy", "boost")));
        assertFalse(visNav.command(stateSet("data", "defaultVacuumPowerMode", "4")), "the old form is dropped");
        assertFalse(visNav.command(stateSet("defaults", "defaultCleaningStrategy", "turbo")));
        assertEquals("boost", visNav.defaultPower());
        assertEquals("boost", visNav.currentState().get("currentCleaningStrategy").getAsString(),
                "on the dock the current strategy follows (277/01)");
    }

    @Test
    void theDefaultPowerAppliesToTheNextClean() {
        RobotBehaviour eye = robot(RobotModel.EYE);
        eye.command(startFor(RobotModel.EYE));
        eye.command(stateSet("data", "defaultVacuumPowerMode", "halfPower"));
        JsonObject state = eye.currentState();
        assertEquals("fullPower", state.get("currentVacuumPowerMode").getAsString());
        assertEquals("halfPower", state.get("defaultVacuumPowerMode").getAsString());
        eye.command(command("ABORT"));
        List<JsonObject> published = new ArrayList<>();
        runUntil(eye, INACTIVE_CHARGED, Duration.ofMinutes(5), published); // aborted before it used any battery
        eye.command(startFor(RobotModel.EYE));
        assertEquals("halfPower", eye.currentState().get("currentVacuumPowerMode").getAsString());
    }

    @Test
    void aDockedHeuristLeavesBatteryAndCleanIdOutOfItsCurrentState() {
        RobotBehaviour heurist = robot(RobotModel.HEURIST);
        JsonObject docked = heurist.currentState();
        assertFalse(docked.has("batteryChargeLevel"));
        assertFalse(docked.has("cleanId"));
        assertFalse(docked.has("globalPosition"));
        assertTrue(docked.has("activeFaults"));
        assertTrue(docked.has("sessionId"));
        heurist.command(startFor(RobotModel.HEURIST));
        assertTrue(heurist.drain().get(0).has("batteryChargeLevel"), "its changes carry the battery");
        heurist.advance(Duration.ofSeconds(30));
        JsonObject cleaning = heurist.currentState();
        assertTrue(cleaning.has("batteryChargeLevel"));
        assertTrue(cleaning.has("globalPosition"));
    }

    @ParameterizedTest
    @EnumSource(RobotModel.class)
    void aFaultStopsTheRobotUntilItIsCleared(RobotModel model) {
        RobotBehaviour robot = robot(model);
        List<JsonObject> published = new ArrayList<>();
        robot.command(startFor(model));
        runUntil(robot, FULL_CLEAN_RUNNING, Duration.ofMinutes(1), published);
        robot.advance(Duration.ofMinutes(1));
        robot.drain();
        assertTrue(robot.injectFault(RobotFault.BIN_FULL));
        assertFalse(robot.injectFault(RobotFault.LOST), "one at a time");
        JsonObject change = robot.drain().get(0);
        assertEquals(FULL_CLEAN_RUNNING, change.get("oldstate").getAsString());
        assertEquals("FAULT_USER_RECOVERABLE", change.get("newstate").getAsString());
        JsonObject airways = change.getAsJsonObject("faults").getAsJsonObject("AIRWAYS");
        assertTrue(airways.get("active").getAsBoolean());
        assertEquals("1.0.-1", airways.get("description").getAsString());
        assertEquals(model.hasActiveFaults(), change.has("newActiveFaults"));
        int[] stuck = robot.position();
        robot.advance(Duration.ofMinutes(5));
        assertArrayEquals(stuck, robot.position());
        assertFalse(robot.command(command("RESUME")));
        assertFalse(robot.command(command("ABORT")), "the user has to deal with it first");
        assertTrue(robot.command(command("REQUEST-CURRENT-STATE")));
        assertEquals("FAULT_USER_RECOVERABLE", robot.drain().get(0).get("state").getAsString());

        assertTrue(robot.clearFault());
        assertFalse(robot.clearFault());
        JsonObject cleared = robot.drain().get(0);
        assertEquals(INACTIVE_CHARGING, cleared.get("newstate").getAsString());
        assertFalse(cleared.has("faults"));
        assertTrue(robot.command(startFor(model)), "cleans again");
    }

    @Test
    void aFaultOnTheDockReturnsToCharging() {
        RobotBehaviour visNav = robot(RobotModel.VIS_NAV);
        visNav.setBattery(50);
        visNav.advance(Duration.ofSeconds(1));
        visNav.drain();
        visNav.injectFault(RobotFault.AIRWAYS_BLOCKED);
        visNav.clearFault();
        List<JsonObject> changes = visNav.drain();
        assertEquals(List.of("FAULT_USER_RECOVERABLE", INACTIVE_CHARGING), transitions(changes),
                "back to charging (277/01 lines 129-130)");
    }

    private static JsonObject stateSet(String container, String key, String value) {
        JsonObject set = command("STATE-SET");
        JsonObject data = new JsonObject();
        data.addProperty(key, value);
        set.add(container, data);
        return set;
    }
}
