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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhab.binding.dyson.internal.protocol.Captures;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The robot vacuums' commands (§8) as each model expects them, and the ones a model does not take.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotCommandsTest {

    private static final String TIME = "\"time\":\"2025-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\"";

    private final DeviceCommandBuilder builder = new DeviceCommandBuilder(
            Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC));

    private static Capabilities robot(String root) {
        return Capabilities.of(Objects.requireNonNull(ProductType.fromRootTopic(root)));
    }

    private static DeviceState inState(String robotState) throws Exception {
        DeviceState state = new DeviceState();
        state.apply(MessageParser.parse("{\"msg\":\"CURRENT-STATE\",\"state\":\"" + robotState
                + "\",\"time\":\"2025-01-01T11:59:00Z\"}"));
        return state;
    }

    private String command(String root, DysonChannel channel, Object value, DeviceState state)
            throws InvalidCommandException {
        return builder.command(channel, value, state, robot(root));
    }

    @ParameterizedTest
    @CsvSource({ "N223,START,'\"fullCleanType\":\"immediate\"'",
            "276,START,'\"fullCleanType\":\"immediate\",\"cleaningMode\":\"global\"'",
            "277,START,'\"fullCleanType\":\"immediate\",\"cleaningMode\":\"global\"'", "N223,PAUSE,''",
            "277,resume,''", "276,ABORT,''" })
    void actions(String root, String action, String fields) throws Exception {
        assertEquals("{\"msg\":\"" + action.toUpperCase() + "\"," + TIME + (fields.isEmpty() ? "" : "," + fields)
                + "}", command(root, DysonChannel.ROBOT_COMMAND, action, new DeviceState()));
    }

    @ParameterizedTest
    @CsvSource({ "N223,EYE_POWER_MODE,HALF,'\"data\":{\"defaultVacuumPowerMode\":\"halfPower\"}'",
            "N223,EYE_POWER_MODE,full,'\"data\":{\"defaultVacuumPowerMode\":\"fullPower\"}'",
            "276,HEURIST_POWER_MODE,QUIET,'\"defaults\":{\"defaultVacuumPowerMode\":\"1\"}'",
            "276,HEURIST_POWER_MODE,MAX,'\"defaults\":{\"defaultVacuumPowerMode\":\"3\"}'",
            "277,VIS_NAV_POWER_MODE,AUTO,'\"defaults\":{\"defaultCleaningStrategy\":\"auto\"}'",
            "277,VIS_NAV_POWER_MODE,boost,'\"defaults\":{\"defaultCleaningStrategy\":\"boost\"}'" })
    void powerModeForTheNextClean(String root, DysonChannel channel, String mode, String field) throws Exception {
        assertEquals("{\"msg\":\"STATE-SET\"," + TIME + "," + field + "}",
                command(root, channel, mode, new DeviceState()));
    }

    @Test
    void theCleaningSwitchStartsResumesAndDocks() throws Exception {
        String start = command("277", DysonChannel.CLEANING, true, inState("INACTIVE_CHARGED"));
        assertEquals("START", JsonParser.parseString(start).getAsJsonObject().get("msg").getAsString());
        String resume = command("277", DysonChannel.CLEANING, true, inState("FULL_CLEAN_PAUSED"));
        assertEquals("{\"msg\":\"RESUME\"," + TIME + "}", resume);
        String dock = command("N223", DysonChannel.CLEANING, false, inState("FULL_CLEAN_RUNNING"));
        assertEquals("{\"msg\":\"ABORT\"," + TIME + "}", dock);
        String startWithoutState = command("N223", DysonChannel.CLEANING, true, new DeviceState());
        assertEquals("{\"msg\":\"START\"," + TIME + ",\"fullCleanType\":\"immediate\"}", startWithoutState);
    }

    /** The Vis Nav's START and STATE-SET have the fields the MyDyson app sends (captured 277/01). */
    @Test
    void theVisNavIsCommandedAsTheAppDoes() throws Exception {
        Map<String, JsonObject> app = new TreeMap<>();
        for (Captures.Line line : Captures.robotFile("277", "01-matterbridge-own-device.jsonl").lines()) {
            JsonObject payload = JsonParser.parseString(line.payload()).getAsJsonObject();
            String msg = payload.get("msg").getAsString();
            if (!line.fromDevice() && ("STATE-SET".equals(msg) || ("START".equals(msg)
                    && "global".equals(payload.get("cleaningMode").getAsString())))) {
                app.put(msg + (payload.has("defaults") ? payload.getAsJsonObject("defaults")
                        .get("defaultCleaningStrategy").getAsString() : ""), payload);
            }
        }
        assertEquals(5, app.size(), app.keySet().toString());
        assertSameFields(app.get("START"), command("277", DysonChannel.ROBOT_COMMAND, "START", new DeviceState()));
        for (String mode : new String[] { "auto", "quick", "quiet", "boost" }) {
            assertSameFields(app.get("STATE-SET" + mode),
                    command("277", DysonChannel.VIS_NAV_POWER_MODE, mode.toUpperCase(), new DeviceState()));
        }
    }

    /** Same keys and values, apart from the time and who sent it (the app says RAPP, the binding LAPP). */
    private static void assertSameFields(JsonObject app, String binding) {
        JsonObject ours = JsonParser.parseString(binding).getAsJsonObject();
        Map<String, JsonElement> expected = new TreeMap<>(app.asMap());
        Map<String, JsonElement> actual = new TreeMap<>(ours.asMap());
        for (String ignored : new String[] { "time", "mode-reason" }) {
            expected.remove(ignored);
            actual.remove(ignored);
        }
        assertEquals(expected, actual);
        assertEquals("LAPP", ours.get("mode-reason").getAsString());
    }

    @Test
    void aPowerModeOfAnotherModelIsRefusedWithTheModesThisOneHas() {
        InvalidCommandException eye = assertThrows(InvalidCommandException.class,
                () -> command("N223", DysonChannel.EYE_POWER_MODE, "BOOST", new DeviceState()));
        assertEquals("The 360 Eye has no power mode 'BOOST'; it takes HALF, FULL", eye.getMessage());
        InvalidCommandException visNav = assertThrows(InvalidCommandException.class,
                () -> command("277", DysonChannel.VIS_NAV_POWER_MODE, "HALF", new DeviceState()));
        assertEquals("The 360 Vis Nav has no power mode 'HALF'; it takes AUTO, QUICK, QUIET, BOOST",
                visNav.getMessage());
        InvalidCommandException heurist = assertThrows(InvalidCommandException.class,
                () -> command("276", DysonChannel.HEURIST_POWER_MODE, "AUTO", new DeviceState()));
        assertEquals("The 360 Heurist has no power mode 'AUTO'; it takes QUIET, HIGH, MAX", heurist.getMessage());
    }

    @Test
    void whatNoRobotTakesIsRefused() {
        assertEquals("Channel cleaning#command accepts START, PAUSE, RESUME, ABORT, got 'DOCK'",
                assertThrows(InvalidCommandException.class,
                        () -> command("N223", DysonChannel.ROBOT_COMMAND, "DOCK", new DeviceState())).getMessage());
        assertEquals("Channel cleaning#state is read-only", assertThrows(InvalidCommandException.class,
                () -> command("277", DysonChannel.ROBOT_STATE, "FULL_CLEAN_RUNNING", new DeviceState()))
                .getMessage());
        assertEquals("Channel cleaning#power-mode does not exist on 360-eye", assertThrows(
                InvalidCommandException.class,
                () -> command("N223", DysonChannel.VIS_NAV_POWER_MODE, "AUTO", new DeviceState())).getMessage());
        assertEquals("Channel filter#filter-reset does not exist on 360-vis-nav", assertThrows(
                InvalidCommandException.class,
                () -> command("277", DysonChannel.FILTER_RESET, "RESET", new DeviceState())).getMessage());
        assertEquals("Channel cleaning#command does not exist on pure-cool",
                assertThrows(InvalidCommandException.class, () -> builder.command(DysonChannel.ROBOT_COMMAND,
                        "START", new DeviceState(), Capabilities.of(ProductType.TYPE_438))).getMessage());
        assertThrows(InvalidCommandException.class,
                () -> command("276", DysonChannel.CLEANING, "ON", new DeviceState()));
    }

    /** What the air devices' rule actions build is refused for a robot (its thing has those actions too). */
    @Test
    void theAirDevicesActionsAreRefusedForARobot() {
        Capabilities eye = robot("N223");
        assertThrows(InvalidCommandException.class,
                () -> builder.stateSet(DysonChannel.FILTER_RESET, "RESET", new DeviceState(), eye));
        assertThrows(InvalidCommandException.class, () -> builder.stateSet(DysonChannel.SLEEP_TIMER,
                BigDecimal.valueOf(30), new DeviceState(), eye));
        assertThrows(InvalidCommandException.class,
                () -> builder.oscillationWindow(90, 180, new DeviceState(), robot("277")));
    }
}
