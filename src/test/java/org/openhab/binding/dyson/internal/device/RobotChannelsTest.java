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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.dyson.internal.protocol.Captures;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Every captured message of a 360 Eye and a 360 Vis Nav, replayed, gives exactly the channel states that the message
 * itself says, worked out here from its JSON independently of the binding's parser and decoders; plus a few values
 * read off the captures by hand.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotChannelsTest {

    /** A clean (or mapping run) is under way in these captured states; not while paused, finished or docked. */
    private static final List<String> UNDER_WAY = List.of("FULL_CLEAN_INITIATED", "FULL_CLEAN_RUNNING",
            "FULL_CLEAN_DISCOVERING", "FULL_CLEAN_TRAVERSING", "FULL_CLEAN_NEEDS_CHARGE", "FULL_CLEAN_CHARGING",
            "MAPPING_INITIATED", "MAPPING_RUNNING");

    static Stream<Captures.CaptureFile> robotFiles() {
        return Captures.robots().stream();
    }

    private static DeviceFamily familyOf(String root) {
        ProductType type = ProductType.fromRootTopic(root);
        assertNotNull(type, root);
        return type.family();
    }

    @ParameterizedTest
    @MethodSource("robotFiles")
    void everyMessageGivesTheChannelStatesItSays(Captures.CaptureFile file) throws Exception {
        DeviceFamily family = familyOf(file.root());
        DeviceState state = new DeviceState();
        Map<DysonChannel, ChannelValue> expected = new EnumMap<>(DysonChannel.class);
        List<String> codes = new ArrayList<>();
        int checked = 0;
        for (Captures.Line line : file.lines()) {
            if (!line.fromDevice()) {
                continue;
            }
            state.apply(MessageParser.parse(line.payload()));
            JsonObject message = JsonParser.parseString(line.payload()).getAsJsonObject();
            String msg = message.get("msg").getAsString();
            if ("CURRENT-STATE".equals(msg) || "STATE-CHANGE".equals(msg)) {
                expectFromStateMessage(message, expected);
                codes = faultsOf(message);
            } else if ("IM-BACK".equals(msg) && message.has("state")) {
                expectState(string(message, "state"), expected);
            } else {
                continue;
            }
            String robotState = ((ChannelValue.Text) expected.get(DysonChannel.ROBOT_STATE)).text();
            List<String> faults = codes.isEmpty() && robotState.startsWith("FAULT_") ? List.of(robotState) : codes;
            expected.put(DysonChannel.ROBOT_FAULTS, new ChannelValue.Text(faults.isEmpty() ? "NONE" : String.join(",",
                    faults)));
            for (DysonChannel channel : ChannelCatalogue.channelsOf(family)) {
                if (channel.keySource() == KeySource.NONE) {
                    continue;
                }
                ChannelValue want = expected.getOrDefault(channel, ChannelValue.UNDEFINED);
                assertEquals(want, channel.decode(state), line + " " + channel.uidSuffix());
                checked++;
            }
        }
        assertTrue(checked > 0, file.toString());
    }

    /** What a robot's CURRENT-STATE or STATE-CHANGE says about every channel (§8, read by hand). */
    private static void expectFromStateMessage(JsonObject message, Map<DysonChannel, ChannelValue> expected) {
        String robotState = string(message, message.has("newstate") ? "newstate" : "state");
        expectState(robotState, expected);
        if (message.has("batteryChargeLevel")) {
            expected.put(DysonChannel.BATTERY_LEVEL, new ChannelValue.Quantity(
                    message.get("batteryChargeLevel").getAsBigDecimal(), DysonUnit.PERCENT));
        }
        if (message.get("globalPosition") instanceof JsonArray position) {
            expected.put(DysonChannel.POSITION,
                    new ChannelValue.Text(position.get(0).getAsInt() + "," + position.get(1).getAsInt()));
        } else {
            expected.put(DysonChannel.POSITION, ChannelValue.UNDEFINED);
        }
        if (message.has("cleanDuration")) {
            expected.put(DysonChannel.CLEAN_DURATION,
                    new ChannelValue.Quantity(message.get("cleanDuration").getAsBigDecimal(), DysonUnit.SECOND));
        } else {
            expected.put(DysonChannel.CLEAN_DURATION, ChannelValue.UNDEFINED);
        }
        if (message.has("cleanId")) {
            String id = string(message, "cleanId");
            expected.put(DysonChannel.CLEAN_ID, id.isEmpty() ? ChannelValue.UNDEFINED : new ChannelValue.Text(id));
        }
        if (message.has("fullCleanType")) {
            String type = string(message, "fullCleanType");
            expected.put(DysonChannel.CLEAN_TYPE,
                    new ChannelValue.Text(type.isEmpty() ? "NONE" : type.toUpperCase(Locale.ROOT)));
        }
        if (message.has("defaultVacuumPowerMode")) {
            String mode = string(message, "defaultVacuumPowerMode");
            String option = "halfPower".equals(mode) ? "HALF" : "fullPower".equals(mode) ? "FULL" : mode;
            expected.put(DysonChannel.EYE_POWER_MODE, new ChannelValue.Text(option));
        }
        if (message.has("defaultCleaningStrategy")) {
            expected.put(DysonChannel.VIS_NAV_POWER_MODE,
                    new ChannelValue.Text(string(message, "defaultCleaningStrategy").toUpperCase(Locale.ROOT)));
        }
        if (message.has("rssi")) {
            expected.put(DysonChannel.RSSI,
                    new ChannelValue.Quantity(new BigDecimal(string(message, "rssi")), DysonUnit.DBM));
        }
    }

    /** The fault codes a state message lists, each with the part its fault map names for it. */
    private static List<String> faultsOf(JsonObject message) {
        JsonElement list = message.has("newActiveFaults") ? message.get("newActiveFaults")
                : message.get("activeFaults");
        List<String> faults = new ArrayList<>();
        if (list instanceof JsonArray active) {
            for (JsonElement fault : active) {
                String code = fault.getAsJsonObject().get("faultCode").getAsString();
                faults.add(partOf(message, code) + code);
            }
        }
        return faults;
    }

    private static void expectState(String robotState, Map<DysonChannel, ChannelValue> expected) {
        expected.put(DysonChannel.ROBOT_STATE, new ChannelValue.Text(robotState));
        expected.put(DysonChannel.CLEANING, new ChannelValue.OnOff(UNDER_WAY.contains(robotState)));
        expected.put(DysonChannel.CHARGING, new ChannelValue.OnOff(robotState.endsWith("_CHARGING")));
    }

    /** {@code "LIFT "} when the message's fault map names the part of a code, else {@code ""}. */
    private static String partOf(JsonObject message, String code) {
        if (message.get("faults") instanceof JsonObject parts) {
            for (Map.Entry<String, JsonElement> part : parts.entrySet()) {
                JsonObject status = part.getValue().getAsJsonObject();
                if (status.get("active").getAsBoolean() && status.has("description")
                        && code.equals(status.get("description").getAsString())) {
                    return part.getKey() + " ";
                }
            }
        }
        return "";
    }

    private static String string(JsonObject message, String key) {
        JsonElement value = message.get(key);
        return value == null ? "" : value.getAsString();
    }

    private static Map<DysonChannel, ChannelValue> decodedAfter(String root, String file, int line) throws Exception {
        DeviceState state = new DeviceState();
        for (Captures.Line each : Captures.robotFile(root, file).lines()) {
            if (each.lineNumber() > line) {
                break;
            }
            if (each.fromDevice()) {
                state.apply(MessageParser.parse(each.payload()));
            }
        }
        return ChannelCatalogue.decodeAll(familyOf(root), state);
    }

    private static ChannelValue text(String text) {
        return new ChannelValue.Text(text);
    }

    private static ChannelValue quantity(int value, DysonUnit unit) {
        return new ChannelValue.Quantity(BigDecimal.valueOf(value), unit);
    }

    @Test
    void theEyeHalfAMinuteIntoAScheduledClean() throws Exception {
        Map<DysonChannel, ChannelValue> values = decodedAfter("N223", "01-matterbridge-own-device.jsonl", 8);
        assertEquals(text("FULL_CLEAN_RUNNING"), values.get(DysonChannel.ROBOT_STATE));
        assertEquals(new ChannelValue.OnOff(true), values.get(DysonChannel.CLEANING));
        assertEquals(new ChannelValue.OnOff(false), values.get(DysonChannel.CHARGING));
        assertEquals(quantity(95, DysonUnit.PERCENT), values.get(DysonChannel.BATTERY_LEVEL));
        assertEquals(text("-780,18"), values.get(DysonChannel.POSITION));
        assertEquals(quantity(30, DysonUnit.SECOND), values.get(DysonChannel.CLEAN_DURATION));
        assertEquals(text("SCHEDULED"), values.get(DysonChannel.CLEAN_TYPE));
        assertEquals(text("bbaf5ce8-428a-4924-b141-f68e760f57a6"), values.get(DysonChannel.CLEAN_ID));
        assertEquals(text("FULL"), values.get(DysonChannel.EYE_POWER_MODE));
        assertEquals(text("NONE"), values.get(DysonChannel.ROBOT_FAULTS));
    }

    @Test
    void theEyeDockedAfterItsSampleDay() throws Exception {
        Map<DysonChannel, ChannelValue> values = decodedAfter("N223", "02-libpurecoollink-test-data.jsonl", 1);
        assertEquals(text("INACTIVE_CHARGED"), values.get(DysonChannel.ROBOT_STATE));
        assertEquals(new ChannelValue.OnOff(false), values.get(DysonChannel.CLEANING));
        assertEquals(new ChannelValue.OnOff(false), values.get(DysonChannel.CHARGING));
        assertEquals(text("HALF"), values.get(DysonChannel.EYE_POWER_MODE));
        assertEquals(text("NONE"), values.get(DysonChannel.CLEAN_TYPE));
        assertEquals(text("6,37"), values.get(DysonChannel.POSITION));
    }

    @Test
    void aLiftedVisNav() throws Exception {
        Map<DysonChannel, ChannelValue> values = decodedAfter("277",
                "02-matterbridge-dyson-robot-i16-c3398240594.jsonl", 17);
        assertEquals(text("FAULT_USER_RECOVERABLE"), values.get(DysonChannel.ROBOT_STATE));
        assertEquals(text("LIFT 23.0.3"), values.get(DysonChannel.ROBOT_FAULTS));
        assertEquals(new ChannelValue.OnOff(false), values.get(DysonChannel.CLEANING));
        assertEquals(text("AUTO"), values.get(DysonChannel.VIS_NAV_POWER_MODE));
        assertEquals(quantity(95, DysonUnit.PERCENT), values.get(DysonChannel.BATTERY_LEVEL));
        assertEquals(text("-538,-238"), values.get(DysonChannel.POSITION));
        assertEquals(text("IMMEDIATE"), values.get(DysonChannel.CLEAN_TYPE));
        assertEquals(quantity(-39, DysonUnit.DBM), values.get(DysonChannel.RSSI));
    }

    @Test
    void aVisNavChargingMidClean() throws Exception {
        Map<DysonChannel, ChannelValue> values = null;
        Captures.CaptureFile file = Captures.robotFile("277", "01-matterbridge-own-device.jsonl");
        for (Captures.Line line : file.lines()) {
            if (line.payload().contains("\"state\":\"FULL_CLEAN_CHARGING\"")) {
                values = decodedAfter("277", file.name(), line.lineNumber());
                break;
            }
        }
        assertNotNull(values);
        assertEquals(new ChannelValue.OnOff(true), values.get(DysonChannel.CLEANING));
        assertEquals(new ChannelValue.OnOff(true), values.get(DysonChannel.CHARGING));
        assertEquals(text("FULL_CLEAN_CHARGING"), values.get(DysonChannel.ROBOT_STATE));
    }

    @Test
    void everyCapturedStateIsKnownAndEveryCleanTypeAnOption() throws Exception {
        List<String> cleanTypes = List.of("NONE", "IMMEDIATE", "SCHEDULED", "MANUAL", "MAPPING");
        for (Captures.CaptureFile file : Captures.robots()) {
            for (Captures.Line line : file.lines()) {
                JsonObject message = JsonParser.parseString(line.payload()).getAsJsonObject();
                for (String key : List.of("state", "newstate", "oldstate")) {
                    @Nullable
                    JsonElement value = message.get(key);
                    if (value != null) {
                        assertTrue(RobotDecoders.STATES.contains(value.getAsString()), line + " " + value);
                    }
                }
                if (line.fromDevice() && message.has("fullCleanType")) {
                    assertTrue(cleanTypes.contains(((ChannelValue.Text) RobotDecoders
                            .cleanType(message.get("fullCleanType").getAsString())).text()), line.toString());
                }
            }
        }
    }
}
