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
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.dyson.internal.protocol.Captures;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParser;
import org.openhab.binding.dyson.internal.protocol.MessageType;
import org.openhab.binding.dyson.internal.protocol.StateUpdate;

/**
 * Feeds every captured air-device message through parsing, state merging, capability detection and the catalogue,
 * and checks each decoded value is plausible for its channel.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class CaptureReplayTest {

    /** Plausible ranges per unit (°C: the sensor range of §6.3 and the heat target range). */
    private static final Map<DysonUnit, BigDecimal[]> RANGES = Map.of(DysonUnit.CELSIUS, range("-30", "80"),
            DysonUnit.PERCENT, range("0", "100"), DysonUnit.MICROGRAM_PER_CUBIC_METRE, range("0", "999"),
            DysonUnit.PPM, range("0", "9999"), DysonUnit.MINUTE, range("0", "540"), DysonUnit.HOUR,
            range("0", "4300"), DysonUnit.DEGREE, range("0", "359"), DysonUnit.DBM, range("-127", "0"),
            DysonUnit.ONE, range("0", "10"));

    private static final Set<String> ANGLE_PRESETS = Set.of("45", "90", "180", "350", "BREEZE", "CUSTOM");

    private static BigDecimal[] range(String min, String max) {
        return new BigDecimal[] { new BigDecimal(min), new BigDecimal(max) };
    }

    static Stream<Captures.CaptureFile> captureFiles() {
        return Captures.all().stream();
    }

    @Test
    void corpusCoversEveryAirFamily() {
        Set<DeviceFamily> families = Captures.all().stream().map(f -> familyOf(f.root()))
                .collect(Collectors.toSet());
        Set<DeviceFamily> air = EnumSet.allOf(DeviceFamily.class);
        air.removeIf(DeviceFamily::isRobot);
        assertEquals(air, families);
    }

    @ParameterizedTest
    @MethodSource("captureFiles")
    void everyMessageDecodesWithinRange(Captures.CaptureFile file) throws Exception {
        replay(file);
    }

    /**
     * The checks every capture file passes: also for a capture made by the console, which must be usable as a
     * fixture as it is.
     */
    public static void replay(Captures.CaptureFile file) throws Exception {
        ProductType type = ProductType.fromRootTopic(file.root());
        assertNotNull(type, file.toString());
        DeviceFamily family = type.family();
        DeviceState state = new DeviceState(file.toString());
        int applied = 0;
        for (Captures.Line line : file.lines()) {
            if (!line.fromDevice()) {
                assertEquals(MessageType.STATE_SET, MessageParser.parse(line.payload()).type(), line.toString());
                assertTrue(state.apply(MessageParser.parse(line.payload())).isEmpty(), "commands are no state");
                continue;
            }
            StateUpdate update = state.apply(MessageParser.parse(line.payload()));
            applied++;
            for (String event : update.events()) {
                assertTrue(event.matches("(FAULT_RAISED|FAULT_CLEARED):.+|FILTER_REPLACE|TANK_EMPTY|TANK_MISSING|"
                        + "DEEP_CLEAN_DUE"), line + ": " + event);
            }
            ChannelCatalogue.affectedBy(family, update);
            Capabilities.detect(type, state);
            for (Map.Entry<DysonChannel, ChannelValue> entry : ChannelCatalogue.decodeAll(family, state).entrySet()) {
                checkValue(line, entry.getKey(), entry.getValue());
            }
        }
        if (applied == 0) {
            return; // a file of recorded app commands only
        }
        List<DysonChannel> supported = ChannelCatalogue.supportedChannels(family, state);
        assertTrue(supported.contains(DysonChannel.POWER) && supported.contains(DysonChannel.EVENTS),
                file + ": " + supported);
    }

    private static void checkValue(Captures.Line line, DysonChannel channel, ChannelValue value) {
        String where = line + " " + channel.uidSuffix() + "=" + value;
        switch (channel.itemType()) {
            case SWITCH -> assertTrue(value instanceof ChannelValue.OnOff || value instanceof ChannelValue.Undefined,
                    where);
            case STRING -> {
                assertTrue(value instanceof ChannelValue.Text || value instanceof ChannelValue.Undefined, where);
                if (value instanceof ChannelValue.Text text) {
                    assertTrue(!text.text().isBlank(), where);
                    if (channel == DysonChannel.ANGLE_PRESET || channel == DysonChannel.HUMIDIFIER_ANGLE_PRESET) {
                        assertTrue(ANGLE_PRESETS.contains(text.text()), where);
                    }
                    if (channel == DysonChannel.WATER_HARDNESS) {
                        assertTrue(Set.of("SOFT", "MEDIUM", "HARD").contains(text.text()), where);
                    }
                    if (channel == DysonChannel.TILT) {
                        assertTrue(Set.of("0", "25", "50", "BREEZE").contains(text.text()), where);
                    }
                }
            }
            case NUMBER -> {
                if (value instanceof ChannelValue.Decimal decimal) {
                    assertTrue(decimal.value().intValue() >= 1 && decimal.value().intValue() <= 10, where);
                } else {
                    assertEquals(ChannelValue.UNDEFINED, value, where);
                }
            }
            case TRIGGER -> fail("triggers are not decoded: " + where);
            default -> {
                if (value instanceof ChannelValue.Quantity quantity) {
                    BigDecimal[] range = RANGES.get(quantity.unit());
                    assertNotNull(range, where);
                    assertTrue(quantity.value().compareTo(range[0]) >= 0 && quantity.value().compareTo(range[1]) <= 0,
                            where);
                    assertEquals(channel.itemType(), dimension(quantity.unit()), where);
                    assertEquals(channel.unit(), quantity.unit(), where);
                } else {
                    assertEquals(ChannelValue.UNDEFINED, value, where);
                }
            }
        }
    }

    /** The item type a unit belongs to. */
    private static ItemType dimension(DysonUnit unit) {
        return switch (unit) {
            case CELSIUS -> ItemType.TEMPERATURE;
            case PERCENT, PPM, ONE -> ItemType.DIMENSIONLESS;
            case MICROGRAM_PER_CUBIC_METRE -> ItemType.DENSITY;
            case MILLISECOND, SECOND, MINUTE, HOUR -> ItemType.TIME;
            case DEGREE -> ItemType.ANGLE;
            case DBM -> ItemType.POWER;
        };
    }

    private static DeviceFamily familyOf(String root) {
        ProductType type = ProductType.fromRootTopic(root);
        if (type == null) {
            throw new AssertionError("not an air root: " + root);
        }
        return type.family();
    }
}
