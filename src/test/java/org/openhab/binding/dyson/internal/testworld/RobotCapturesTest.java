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

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.protocol.Captures;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The simulated robots against the recorded robots ({@code src/test/resources/captures-robots}): the same sequence
 * of states through a clean, the same keys in their messages, the Eye's key order. No MQTT: the behaviour alone,
 * with simulated time.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotCapturesTest {

    private static final Instant START = Instant.parse("2025-08-28T08:00:00Z");

    @Test
    void theEyesScheduledCleanWithARechargeFollowsTheCapture() {
        // N223/01: boot, a scheduled clean that runs flat, charges to 80 % and finishes, then charging on the dock
        List<String> captured = transitions(messages("N223", "01-matterbridge-own-device.jsonl"));
        RobotBehaviour eye = new RobotBehaviour(RobotModel.EYE, "SIM-EU-N2230001", START,
                Settings.DEFAULT.withCleanLength(Duration.ofMinutes(45)));
        List<JsonObject> published = new ArrayList<>();
        eye.connected();
        published.addAll(eye.drain());
        assertTrue(eye.command(start("scheduled", null)));
        runUntil(eye, INACTIVE_CHARGED, Duration.ofHours(5), published);

        assertEquals(captured, transitions(published));
        assertEquals(List.of("STATE-CHANGE", "HELLO"), published.subList(0, 2).stream().map(m -> msg(m)).toList(),
                "power-on as captured");
        assertFalse(published.get(0).has("batteryChargeLevel"), "no battery in the power-on change (N223/01 line 1)");
    }

    @Test
    void theEyesMessagesHaveTheCapturedKeysAndOrder() {
        List<JsonObject> captured = messages("N223", "01-matterbridge-own-device.jsonl");
        RobotBehaviour eye = new RobotBehaviour(RobotModel.EYE, "SIM-EU-N2230001", START,
                Settings.DEFAULT.withCleanLength(Duration.ofMinutes(45)));
        List<JsonObject> published = new ArrayList<>();
        eye.connected();
        eye.command(start("immediate", null));
        runUntil(eye, INACTIVE_CHARGED, Duration.ofHours(5), published);
        published.add(eye.currentState());
        assertSameKeys(captured, published);

        // device order: N223/02 line 1 (flag O)
        JsonObject orderedCapture = messages("N223", "02-libpurecoollink-test-data.jsonl").get(0);
        assertEquals(List.copyOf(orderedCapture.keySet()), List.copyOf(eye.currentState().keySet()));
        assertTrue(captured.stream().filter(m -> "MAP-GLOBAL".equals(msg(m))).findAny().isPresent());
        for (String kind : List.of("MAP-GLOBAL", "MAP-GRID", "MAP-DATA", "TELEMETRY-DATA")) {
            assertTrue(published.stream().anyMatch(m -> kind.equals(msg(m))), kind);
        }
    }

    @Test
    void theVisNavsZoneCleanFollowsTheCapture() {
        // 277/03: a short zone clean from the dock, home, charged
        List<String> captured = transitions(messages("277", "03-hass-dyson-zone-clean-replay.jsonl"));
        RobotBehaviour visNav = new RobotBehaviour(RobotModel.VIS_NAV, "SIM-EU-2770001", START,
                Settings.DEFAULT.withCleanLength(Duration.ofMinutes(4)));
        List<JsonObject> published = new ArrayList<>();
        JsonObject programme = JsonParser.parseString("{\"orderedZones\":[],\"persistentMapId\":\"x\","
                + "\"unorderedZones\":[\"3\"],\"zonesDefinitionLastUpdatedDate\":\"2026-07-10T14:09:15Z\"}")
                .getAsJsonObject();
        assertTrue(visNav.command(start("immediate", "zoneConfigured", programme)));
        runUntil(visNav, INACTIVE_CHARGED, Duration.ofHours(2), published);

        assertEquals(captured, transitions(published));
        JsonObject initiated = published.get(0);
        assertEquals(programme, initiated.getAsJsonObject("cleaningProgramme"));
        assertEquals("zoneConfigured", initiated.get("currentCleaningMode").getAsString());
        assertTrue(published.stream().anyMatch(m -> "PERSISTENT-MAP-MANIFEST-UPDATED".equals(msg(m))));
    }

    @Test
    void theVisNavsLowBatteryCleanFollowsTheCapture() {
        // 277/01 from 11:32: a clean started at 25 %, charging half way, finishing; the capture moves between zones
        // (TRAVERSING, RUNNING again and again), the simulator cleans one area
        List<String> all = transitions(messages("277", "01-matterbridge-own-device.jsonl"));
        int from = all.indexOf(FULL_CLEAN_INITIATED);
        int to = from + all.subList(from, all.size()).indexOf(INACTIVE_CHARGING);
        List<String> captured = withoutZoneHops(all.subList(from, to + 1));
        RobotBehaviour visNav = new RobotBehaviour(RobotModel.VIS_NAV, "SIM-EU-2770001", START,
                Settings.DEFAULT.withCleanLength(Duration.ofMinutes(20)));
        visNav.setBattery(25);
        visNav.drain(); // the capture starts charging at 25 %
        List<JsonObject> published = new ArrayList<>();
        assertTrue(visNav.command(start("immediate", "global", null)));
        runUntil(visNav, INACTIVE_CHARGING, Duration.ofHours(4), published);

        assertEquals(captured, withoutZoneHops(transitions(published)));
    }

    @Test
    void theVisNavPausedAndLiftedFollowsTheCapture() {
        // 277/02: started, paused, lifted (fault 23.0.3), put back on the dock
        List<JsonObject> capture = messages("277", "02-matterbridge-dyson-robot-i16-c3398240594.jsonl");
        RobotBehaviour visNav = new RobotBehaviour(RobotModel.VIS_NAV, "SIM-EU-2770001", START, Settings.DEFAULT);
        List<JsonObject> published = new ArrayList<>();
        visNav.connected();
        visNav.command(start("immediate", "global", null));
        runUntil(visNav, FULL_CLEAN_RUNNING, Duration.ofMinutes(2), published);
        visNav.advance(Duration.ofSeconds(5));
        assertTrue(visNav.command(command("PAUSE")));
        assertTrue(visNav.injectFault(RobotFault.LIFTED));
        visNav.setBattery(100);
        assertTrue(visNav.clearFault());
        published.addAll(visNav.drain());

        assertEquals(transitions(capture), transitions(published));
        assertEquals("IM-BACK", msg(published.get(0)));
        JsonObject captureFault = capture.stream().filter(m -> "FAULT_USER_RECOVERABLE".equals(m.get("newstate") == null
                ? null : m.get("newstate").getAsString())).findFirst().orElseThrow();
        JsonObject simulatedFault = published.stream()
                .filter(m -> m.has("newstate") && "FAULT_USER_RECOVERABLE".equals(m.get("newstate").getAsString()))
                .findFirst().orElseThrow();
        assertEquals(captureFault.get("faults"), simulatedFault.get("faults"));
        assertEquals(captureFault.get("newActiveFaults"), simulatedFault.get("newActiveFaults"));
        assertSameKeys(capture, published);
    }

    @Test
    void theVisNavsMessagesHaveTheCapturedKeys() {
        List<JsonObject> captured = new ArrayList<>();
        for (String file : List.of("01-matterbridge-own-device.jsonl",
                "02-matterbridge-dyson-robot-i16-c3398240594.jsonl", "03-hass-dyson-zone-clean-replay.jsonl")) {
            captured.addAll(messages("277", file));
        }
        RobotBehaviour visNav = new RobotBehaviour(RobotModel.VIS_NAV, "SIM-EU-2770001", START, Settings.DEFAULT);
        List<JsonObject> published = new ArrayList<>();
        visNav.setBattery(30);
        visNav.command(start("immediate", "global", null));
        runUntil(visNav, FULL_CLEAN_RUNNING, Duration.ofMinutes(2), published);
        published.add(visNav.currentState());
        runUntil(visNav, INACTIVE_CHARGED, Duration.ofHours(4), published);
        published.add(visNav.currentState());
        visNav.injectFault(RobotFault.AIRWAYS_BLOCKED);
        visNav.clearFault();
        published.addAll(visNav.drain());
        assertSameKeys(captured, published);
        // the STATE-SET the MyDyson app sent (277/01) is answered as it was: a same-state change, strategy taken
        JsonObject set = captured.stream().filter(m -> "STATE-SET".equals(msg(m))).findFirst().orElseThrow();
        assertTrue(visNav.command(set));
        JsonObject change = visNav.drain().get(0);
        assertEquals(change.get("oldstate"), change.get("newstate"));
        assertEquals(set.getAsJsonObject("defaults").get("defaultCleaningStrategy"),
                change.get("defaultCleaningStrategy"));
    }

    /**
     * Every simulated message kind that was captured carries only keys some captured message of its kind carries, and
     * every key that all captured messages of its kind carry.
     */
    private static void assertSameKeys(List<JsonObject> captured, List<JsonObject> simulated) {
        for (String kind : List.of("CURRENT-STATE", "STATE-CHANGE", "HELLO", "IM-BACK", "MAP-GLOBAL", "MAP-GRID",
                "TELEMETRY-DATA")) {
            List<Set<String>> capturedKeys = captured.stream().filter(m -> kind.equals(msg(m)))
                    .map(m -> Set.copyOf(m.keySet())).toList();
            List<Set<String>> simulatedKeys = simulated.stream().filter(m -> kind.equals(msg(m)))
                    .map(m -> Set.copyOf(m.keySet())).toList();
            if (capturedKeys.isEmpty() || simulatedKeys.isEmpty()) {
                continue;
            }
            Set<String> union = new HashSet<>();
            capturedKeys.forEach(union::addAll);
            Set<String> common = new HashSet<>(capturedKeys.get(0));
            capturedKeys.forEach(common::retainAll);
            for (Set<String> keys : simulatedKeys) {
                Set<String> unknown = new HashSet<>(keys);
                unknown.removeAll(union);
                assertEquals(Set.of(), unknown, kind + " keys never captured");
                Set<String> missing = new HashSet<>(common);
                missing.removeAll(keys);
                assertEquals(Set.of(), missing, kind + " keys every capture has");
            }
        }
    }

    /** Removes the repeated (TRAVERSING, RUNNING) of a clean moving from zone to zone. */
    private static List<String> withoutZoneHops(List<String> states) {
        List<String> result = new ArrayList<>(states);
        for (int i = 0; i + 3 < result.size();) {
            if (FULL_CLEAN_TRAVERSING.equals(result.get(i)) && FULL_CLEAN_RUNNING.equals(result.get(i + 1))
                    && FULL_CLEAN_TRAVERSING.equals(result.get(i + 2)) && FULL_CLEAN_RUNNING.equals(result.get(i + 3))) {
                result.remove(i + 2);
                result.remove(i + 2);
            } else {
                i++;
            }
        }
        return result;
    }

    static void runUntil(RobotBehaviour robot, String state, Duration limit, List<JsonObject> published) {
        Predicate<RobotBehaviour> there = r -> state.equals(r.state());
        for (long second = 0; second < limit.getSeconds() && !there.test(robot); second++) {
            robot.advance(Duration.ofSeconds(1));
            published.addAll(robot.drain());
        }
        published.addAll(robot.drain());
        assertEquals(state, robot.state(), "not reached within " + limit);
    }

    /** newstate of every STATE-CHANGE that changes the state. */
    static List<String> transitions(List<JsonObject> messages) {
        return messages.stream().filter(m -> "STATE-CHANGE".equals(msg(m)))
                .filter(m -> !m.get("oldstate").getAsString().equals(m.get("newstate").getAsString()))
                .map(m -> m.get("newstate").getAsString()).toList();
    }

    static JsonObject start(String type, @Nullable String mode) {
        return start(type, mode, null);
    }

    static JsonObject start(String type, @Nullable String mode, @Nullable JsonObject programme) {
        JsonObject start = command("START");
        start.addProperty("fullCleanType", type);
        if (mode != null) {
            start.addProperty("cleaningMode", mode);
        }
        if (programme != null) {
            start.add("cleaningProgramme", programme);
        }
        return start;
    }

    static JsonObject command(String msg) {
        JsonObject command = new JsonObject();
        command.addProperty("msg", msg);
        command.addProperty("time", "2025-08-28T08:00:00Z");
        command.addProperty("mode-reason", "LAPP");
        return command;
    }

    static @Nullable String msg(JsonObject message) {
        return message.has("msg") ? message.get("msg").getAsString() : null;
    }

    /** The payloads of a robot capture file, both directions, in order. */
    static List<JsonObject> messages(String root, String file) {
        URL url = Objects.requireNonNull(RobotCapturesTest.class.getClassLoader().getResource("captures-robots"));
        Path base;
        try {
            base = Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Captures.read(root, base.resolve(root).resolve(file)).lines().stream()
                .map(line -> JsonParser.parseString(line.payload()).getAsJsonObject()).toList();
    }
}
