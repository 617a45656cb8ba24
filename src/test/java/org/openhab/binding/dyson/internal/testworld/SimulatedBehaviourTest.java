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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One test per rule of {@link SimulatedBehaviour}, on the captured seed states of the families.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class SimulatedBehaviourTest {

    private static Map<String, String> seedState(String root) {
        JsonObject state = DeviceSimulator.seed(root).getAsJsonObject("currentState").getAsJsonObject("product-state");
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : state.entrySet()) {
            values.put(entry.getKey(), entry.getValue().getAsString());
        }
        return values;
    }

    private static Map<String, String> with(Map<String, String> state, String... pairs) {
        Map<String, String> copy = new LinkedHashMap<>(state);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    @Test
    void autoOnSetsTheSpeedToAutoOnNewerDevices() {
        Map<String, String> manual = with(seedState("438M"), "auto", "OFF", "fnsp", "0005", "fnst", "FAN");
        Map<String, String> next = SimulatedBehaviour.apply(manual, Map.of("auto", "ON"));
        assertEquals("ON", next.get("auto"));
        assertEquals("AUTO", next.get("fnsp"));
    }

    @Test
    void aManualSpeedEndsAutoModeAndRunsTheFanOnNewerDevices() {
        Map<String, String> auto = with(seedState("438M"), "auto", "ON", "fnsp", "AUTO", "fnst", "OFF");
        Map<String, String> next = SimulatedBehaviour.apply(auto, Map.of("fnsp", "0005"));
        assertEquals(List.of("OFF", "0005", "FAN", "ON"),
                List.of(next.get("auto"), next.get("fnsp"), next.get("fnst"), next.get("oscs")));
    }

    @Test
    void autoOffAloneTakesAManualSpeed() {
        Map<String, String> auto = with(seedState("520"), "auto", "ON", "fnsp", "AUTO");
        Map<String, String> next = SimulatedBehaviour.apply(auto, Map.of("auto", "OFF"));
        assertEquals(SimulatedBehaviour.DEFAULT_SPEED, next.get("fnsp"));
    }

    @Test
    void powerDecidesWhetherTheFanRunsOnNewerDevices() {
        Map<String, String> on = with(seedState("520"), "fpwr", "ON", "auto", "OFF", "fnsp", "0004", "fnst", "FAN");
        Map<String, String> off = SimulatedBehaviour.apply(on, Map.of("fpwr", "OFF"));
        assertEquals("OFF", off.get("fnst"));
        assertEquals("FAN", SimulatedBehaviour.apply(off, Map.of("fpwr", "ON")).get("fnst"));
    }

    @Test
    void linkAutoSetsTheSpeedToAutoAndRunsTheFan() {
        Map<String, String> off = with(seedState("475"), "fmod", "OFF", "fnsp", "0001", "fnst", "OFF");
        Map<String, String> next = SimulatedBehaviour.apply(off, Map.of("fmod", "AUTO"));
        assertEquals(List.of("AUTO", "FAN"), List.of(next.get("fnsp"), next.get("fnst")));
    }

    @Test
    void linkOffStopsTheFanAndLeavesAuto() {
        Map<String, String> auto = with(seedState("475"), "fmod", "AUTO", "fnsp", "AUTO", "fnst", "FAN");
        Map<String, String> next = SimulatedBehaviour.apply(auto, Map.of("fmod", "OFF"));
        assertEquals(List.of("OFF", SimulatedBehaviour.DEFAULT_SPEED, "OFF"),
                List.of(next.get("fmod"), next.get("fnsp"), next.get("fnst")));
        assertEquals("FAN", SimulatedBehaviour.apply(next, Map.of("fmod", "FAN")).get("fnst"));
    }

    @Test
    void aLinkManualSpeedLeavesAuto() {
        Map<String, String> auto = with(seedState("475"), "fmod", "AUTO", "fnsp", "AUTO", "fnst", "FAN");
        Map<String, String> next = SimulatedBehaviour.apply(auto, Map.of("fnsp", "0007"));
        assertEquals(List.of("FAN", "0007"), List.of(next.get("fmod"), next.get("fnsp")));
    }

    @Test
    void aFilterResetNeverEntersTheStateAndRenewsTheFilter() {
        Map<String, String> link = with(seedState("475"), "filf", "0724");
        Map<String, String> next = SimulatedBehaviour.apply(link, Map.of("rstf", "RSTF"));
        assertFalse(next.containsKey("rstf"));
        assertEquals(SimulatedBehaviour.NEW_FILTER_HOURS, next.get("filf"));
        Map<String, String> newer = with(seedState("520"), "hflr", "0042", "cflr", "0017", "wacd", "FLTR");
        next = SimulatedBehaviour.apply(newer, Map.of("rstf", "RSTF"));
        assertFalse(next.containsKey("rstf"));
        assertEquals(List.of("0100", "0100", "NONE"), List.of(next.get("hflr"), next.get("cflr"), next.get("wacd")));
        Map<String, String> noCarbon = with(seedState("438M"), "hflr", "0042");
        assertEquals("INV", SimulatedBehaviour.apply(noCarbon, Map.of("rstf", "RSTF")).get("cflr"));
    }

    @Test
    void heatingShowsWhileTheHeaterIsOnAndPowered() {
        Map<String, String> heater = with(seedState("527"), "fpwr", "ON", "hmod", "OFF", "hsta", "OFF");
        Map<String, String> heating = SimulatedBehaviour.apply(heater, Map.of("hmod", "HEAT"));
        assertEquals("HEAT", heating.get("hsta"));
        assertEquals("OFF", SimulatedBehaviour.apply(heating, Map.of("fpwr", "OFF")).get("hsta"));
        assertEquals("OFF", SimulatedBehaviour.apply(heating, Map.of("hmod", "OFF")).get("hsta"));
        Map<String, String> link = with(seedState("455"), "fmod", "FAN", "hmod", "OFF", "hsta", "OFF");
        assertEquals("HEAT", SimulatedBehaviour.apply(link, Map.of("hmod", "HEAT")).get("hsta"));
    }

    @Test
    void aManualHumidityTargetEndsAutoHumidity() {
        Map<String, String> humidifier = with(seedState("358"), "fpwr", "ON", "hume", "HUMD", "haut", "ON");
        Map<String, String> next = SimulatedBehaviour.apply(humidifier, Map.of("humt", "0060"));
        assertEquals(List.of("0060", "OFF"), List.of(next.get("humt"), next.get("haut")));
        if (next.containsKey("msta")) {
            assertEquals("OFF", SimulatedBehaviour.apply(next, Map.of("hume", "OFF")).get("msta"));
        }
    }

    @Test
    void theSleepTimerCountsDownAndSwitchesTheDeviceOff() {
        Map<String, String> running = with(seedState("438M"), "fpwr", "ON", "auto", "OFF", "fnsp", "0004",
                "fnst", "FAN", "sltm", "0002");
        Map<String, String> once = SimulatedBehaviour.minutePassed(running);
        assertEquals("0001", once.get("sltm"));
        Map<String, String> twice = SimulatedBehaviour.minutePassed(once);
        assertEquals(List.of("OFF", "OFF", "OFF"), List.of(twice.get("sltm"), twice.get("fpwr"), twice.get("fnst")));
        assertEquals(twice, SimulatedBehaviour.minutePassed(twice), "no timer, nothing happens");
        Map<String, String> link = with(seedState("475"), "fmod", "FAN", "sltm", "0001");
        assertEquals("OFF", SimulatedBehaviour.minutePassed(link).get("fmod"));
    }

    @Test
    void timesCarryMillisecondsOnly() {
        assertEquals("2025-04-16T00:16:21.000Z", SimulatedBehaviour.time(Instant.parse("2025-04-16T00:16:21Z")));
        assertEquals("2025-04-16T00:16:16.958Z",
                SimulatedBehaviour.time(Instant.parse("2025-04-16T00:16:16.958044768Z")));
    }

    @Test
    void firmwareVersionsAreListedAsTheCloudDoes() {
        assertEquals("438MPF.00.01.003.0011",
                DysonCloudStandIn.firmwareVersion(StandInDevice.purifier("S1", "438", "M", "TP11")));
        assertEquals("527KPF.00.01.003.0011",
                DysonCloudStandIn.firmwareVersion(StandInDevice.purifier("S2", "527", "K", "HP09")));
        assertEquals("21.04.03", DysonCloudStandIn.firmwareVersion(StandInDevice.purifier("S3", "475", null, "TP02")));
    }
}
