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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhab.binding.dyson.internal.protocol.DeviceState;

/**
 * Each command gives the exact STATE-SET message; invalid ones are refused.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceCommandBuilderTest {

    private static final String PREFIX = "{\"msg\":\"STATE-SET\",\"time\":\"2025-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\","
            + "\"data\":";

    private final DeviceCommandBuilder builder = new DeviceCommandBuilder(
            Clock.fixed(Instant.parse("2025-01-01T12:00:00.789Z"), ZoneOffset.UTC));

    private static DeviceState newer(String productState) throws Exception {
        return DeviceFixtures.fromPayloads("{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"fpwr\":\"ON\"" + productState
                + "}}");
    }

    private static DeviceState link(String productState) throws Exception {
        return DeviceFixtures.fromPayloads("{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"fmod\":\"AUTO\""
                + productState + "}}");
    }

    private String set(DysonChannel channel, Object value, DeviceState state, ProductType type) throws Exception {
        return builder.stateSet(channel, value, state, Capabilities.detect(type, state));
    }

    private void assertSet(String data, DysonChannel channel, Object value, DeviceState state, ProductType type)
            throws Exception {
        assertEquals(PREFIX + data + "}", set(channel, value, state, type));
    }

    private void assertRefused(DysonChannel channel, Object value, DeviceState state, ProductType type) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> set(channel, value, state, type));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void requests() {
        assertEquals("{\"msg\":\"REQUEST-CURRENT-STATE\",\"time\":\"2025-01-01T12:00:00Z\"}",
                builder.messages().requestCurrentState());
        assertEquals("{\"msg\":\"REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA\",\"time\":\"2025-01-01T12:00:00Z\"}",
                builder.messages().requestEnvironment());
        assertEquals("{\"msg\":\"REQUEST-CURRENT-FAULTS\",\"time\":\"2025-01-01T12:00:00Z\"}",
                builder.messages().requestCurrentFaults());
    }

    @Test
    void powerAutoAndSpeedOnNewerModels() throws Exception {
        DeviceState state = newer("");
        ProductType type = ProductType.TYPE_438K;
        assertSet("{\"fpwr\":\"OFF\"}", DysonChannel.POWER, false, state, type);
        assertSet("{\"fpwr\":\"ON\"}", DysonChannel.POWER, true, state, type);
        assertSet("{\"auto\":\"ON\"}", DysonChannel.AUTO_MODE, true, state, type);
        assertSet("{\"fpwr\":\"ON\",\"fnsp\":\"0007\"}", DysonChannel.FAN_SPEED, n("7"), state, type);
        assertSet("{\"fpwr\":\"ON\",\"fnsp\":\"0010\"}", DysonChannel.FAN_SPEED, 10, state, type);
        assertSet("{\"nmod\":\"ON\"}", DysonChannel.NIGHT_MODE, true, state, type);
        assertSet("{\"fdir\":\"OFF\"}", DysonChannel.AIRFLOW_DIRECTION, false, state, type);
        assertSet("{\"rhtm\":\"OFF\",\"fpwr\":\"ON\"}", DysonChannel.CONTINUOUS_MONITORING, false, state, type);
        assertSet("{\"rstf\":\"RSTF\"}", DysonChannel.FILTER_RESET, "RESET", state, type);
    }

    @Test
    void linkRecipes() throws Exception {
        DeviceState state = link(",\"oson\":\"OFF\"");
        ProductType type = ProductType.TYPE_475;
        assertSet("{\"fmod\":\"OFF\"}", DysonChannel.POWER, false, state, type);
        assertSet("{\"fmod\":\"FAN\"}", DysonChannel.POWER, true, state, type);
        assertSet("{\"fmod\":\"AUTO\"}", DysonChannel.AUTO_MODE, true, state, type);
        assertSet("{\"fmod\":\"FAN\"}", DysonChannel.AUTO_MODE, false, state, type);
        assertSet("{\"fmod\":\"FAN\",\"fnsp\":\"0003\"}", DysonChannel.FAN_SPEED, n("3"), state, type);
        assertSet("{\"rhtm\":\"ON\",\"fmod\":\"AUTO\"}", DysonChannel.CONTINUOUS_MONITORING, true, state, type);
        assertSet("{\"qtar\":\"0004\",\"fmod\":\"AUTO\"}", DysonChannel.AIR_QUALITY_TARGET, "0004", state, type);
        assertSet("{\"oson\":\"ON\"}", DysonChannel.OSCILLATION, true, state, type);
        assertSet("{\"rstf\":\"RSTF\"}", DysonChannel.FILTER_RESET, "reset", state, type);
        assertSet("{\"ffoc\":\"ON\"}", DysonChannel.JET_FOCUS, true, link(""), ProductType.TYPE_455);
    }

    @Test
    void linkFirmwareOnA438UsesLinkKeys() throws Exception {
        DeviceState state = link("");
        assertSet("{\"fmod\":\"FAN\"}", DysonChannel.POWER, true, state, ProductType.TYPE_438);
    }

    @ParameterizedTest
    @CsvSource({ "0,OFF", "15,0015", "20,0015", "23,0030", "7,0015", "540,0540", "536,0540", "60.4,0060" })
    void sleepTimerSteps(String minutes, String wire) throws Exception {
        assertSet("{\"sltm\":\"" + wire + "\"}", DysonChannel.SLEEP_TIMER, n(minutes), newer(""),
                ProductType.TYPE_520);
    }

    @Test
    void sleepTimerOffText() throws Exception {
        assertSet("{\"sltm\":\"OFF\"}", DysonChannel.SLEEP_TIMER, "OFF", newer(""), ProductType.TYPE_520);
    }

    @Test
    void oscillationAnglesAndPresets() throws Exception {
        DeviceState state = newer(",\"oson\":\"ON\",\"osal\":\"0135\",\"osau\":\"0225\",\"ancp\":\"CUST\"");
        ProductType type = ProductType.TYPE_438E;
        assertSet("{\"osal\":\"0090\",\"osau\":\"0225\",\"ancp\":\"CUST\",\"oson\":\"ON\"}", DysonChannel.LOWER_ANGLE,
                n("90"), state, type);
        assertSet("{\"osal\":\"0135\",\"osau\":\"0135\",\"ancp\":\"CUST\",\"oson\":\"ON\"}", DysonChannel.UPPER_ANGLE,
                n("135"), state, type);
        assertSet("{\"osal\":\"0135\",\"osau\":\"0355\",\"ancp\":\"CUST\",\"oson\":\"ON\"}", DysonChannel.UPPER_ANGLE,
                n("354"), state, type);
        assertSet("{\"ancp\":\"0090\",\"oson\":\"ON\"}", DysonChannel.ANGLE_PRESET, "90", state, type);
        assertSet("{\"ancp\":\"0350\",\"oson\":\"ON\"}", DysonChannel.ANGLE_PRESET, "350", state, type);
        assertSet("{\"osal\":\"0135\",\"osau\":\"0225\",\"ancp\":\"CUST\",\"oson\":\"ON\"}", DysonChannel.ANGLE_PRESET,
                "CUSTOM", state, type);
        assertSet("{\"oson\":\"OFF\"}", DysonChannel.OSCILLATION, false, state, type);
    }

    @Test
    void oscillationMirrorsOionStyle() throws Exception {
        DeviceState state = newer(",\"oson\":\"OIOF\",\"osal\":\"0135\",\"osau\":\"0225\"");
        assertSet("{\"oson\":\"OION\"}", DysonChannel.OSCILLATION, true, state, ProductType.TYPE_358);
        assertSet("{\"ancp\":\"BRZE\",\"oson\":\"OION\"}", DysonChannel.HUMIDIFIER_ANGLE_PRESET, "BREEZE", state,
                ProductType.TYPE_358);
        assertSet("{\"ancp\":\"0045\",\"oson\":\"OION\"}", DysonChannel.HUMIDIFIER_ANGLE_PRESET, "45", state,
                ProductType.TYPE_358);
    }

    @Test
    void invalidOscillationRefused() throws Exception {
        DeviceState state = newer(",\"oson\":\"ON\",\"osal\":\"0135\",\"osau\":\"0225\"");
        ProductType type = ProductType.TYPE_527;
        assertRefused(DysonChannel.LOWER_ANGLE, n("0"), state, type);
        assertRefused(DysonChannel.UPPER_ANGLE, n("360"), state, type);
        assertRefused(DysonChannel.LOWER_ANGLE, n("230"), state, type); // above upper
        assertRefused(DysonChannel.LOWER_ANGLE, n("200"), state, type); // 25° apart
        assertRefused(DysonChannel.UPPER_ANGLE, n("150"), state, type); // 15° apart
        assertRefused(DysonChannel.ANGLE_PRESET, "BREEZE", state, type);
        assertRefused(DysonChannel.ANGLE_PRESET, "120", state, type);
        assertRefused(DysonChannel.LOWER_ANGLE, n("90"), newer(""), type); // upper angle unknown
        assertRefused(DysonChannel.HUMIDIFIER_ANGLE_PRESET, "180", state, ProductType.TYPE_358);
        DeviceState d0 = newer(",\"oson\":\"ON\",\"osal\":\"0136\",\"osau\":\"0226\",\"ancp\":\"CUST\"");
        assertRefused(DysonChannel.ANGLE_PRESET, "90", d0, ProductType.TYPE_438M);
        assertSet("{\"osal\":\"0090\",\"osau\":\"0226\",\"ancp\":\"CUST\",\"oson\":\"ON\"}", DysonChannel.LOWER_ANGLE,
                n("90"), d0, ProductType.TYPE_438M);
    }

    @Test
    void oscillationWindowSetsBothAnglesAtOnce() throws Exception {
        DeviceState state = newer(",\"oson\":\"OFF\",\"osal\":\"0135\",\"osau\":\"0225\",\"ancp\":\"0090\"");
        assertEquals(PREFIX + "{\"osal\":\"0045\",\"osau\":\"0315\",\"ancp\":\"CUST\",\"oson\":\"ON\"}}",
                builder.oscillationWindow(45, 315, state, Capabilities.detect(ProductType.TYPE_438K, state)));
        // both beyond the current window, in one message: one angle at a time would be refused on the way
        assertEquals(PREFIX + "{\"osal\":\"0250\",\"osau\":\"0355\",\"ancp\":\"CUST\",\"oson\":\"ON\"}}",
                builder.oscillationWindow(n("249"), n("354"), state, Capabilities.detect(ProductType.TYPE_527, state)));
        assertEquals(PREFIX + "{\"osal\":\"0180\",\"osau\":\"0180\",\"ancp\":\"CUST\",\"oson\":\"ON\"}}",
                builder.oscillationWindow(180, 180, state, Capabilities.detect(ProductType.TYPE_520, state)));
        DeviceState humidifier = newer(",\"oson\":\"OIOF\",\"osal\":\"0135\",\"osau\":\"0225\"");
        assertEquals(PREFIX + "{\"osal\":\"0090\",\"osau\":\"0270\",\"ancp\":\"CUST\",\"oson\":\"OION\"}}",
                builder.oscillationWindow(90, 270, humidifier, Capabilities.detect(ProductType.TYPE_358, humidifier)));
        // before any state the product table decides; the angles need no state
        assertEquals(PREFIX + "{\"osal\":\"0100\",\"osau\":\"0200\",\"ancp\":\"CUST\",\"oson\":\"ON\"}}",
                builder.oscillationWindow(100, 200, new DeviceState(), Capabilities.of(ProductType.TYPE_438E)));
    }

    @Test
    void oscillationWindowRefusedWhereTheFamilyHasNoAnglesOrTheAnglesBreakARule() throws Exception {
        DeviceState state = newer(",\"oson\":\"ON\",\"osal\":\"0135\",\"osau\":\"0225\"");
        Capabilities pureCool = Capabilities.detect(ProductType.TYPE_438K, state);
        assertWindowRefused(0, 90, state, pureCool);
        assertWindowRefused(90, 360, state, pureCool);
        assertWindowRefused(200, 100, state, pureCool); // lower above upper
        assertWindowRefused(100, 125, state, pureCool); // 25° apart
        assertWindowRefused(Double.NaN, 125, state, pureCool);
        DeviceState linkState = link(",\"oson\":\"OFF\"");
        assertWindowRefused(90, 270, linkState, Capabilities.detect(ProductType.TYPE_475, linkState));
        assertWindowRefused(90, 270, linkState, Capabilities.detect(ProductType.TYPE_455, linkState));
        DeviceState tilt = newer(",\"oton\":\"OFF\",\"anct\":\"CUST\",\"otal\":\"0050\",\"otau\":\"0050\"");
        InvalidCommandException e = assertWindowRefused(90, 270, tilt, Capabilities.detect(ProductType.TYPE_664, tilt));
        assertEquals("Oscillation window: this device has no oscillation angles (TILT)", e.getMessage());
    }

    private InvalidCommandException assertWindowRefused(Object lower, Object upper, DeviceState state,
            Capabilities capabilities) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> builder.oscillationWindow(lower, upper, state, capabilities));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        return e;
    }

    @Test
    void bigQuietTilt() throws Exception {
        DeviceState state = newer(",\"oton\":\"OFF\",\"anct\":\"CUST\",\"otal\":\"0050\",\"otau\":\"0050\"");
        ProductType type = ProductType.TYPE_664;
        assertSet("{\"anct\":\"CUST\",\"otal\":\"0025\",\"otau\":\"0025\"}", DysonChannel.TILT, "25", state, type);
        assertSet("{\"anct\":\"CUST\",\"otal\":\"0000\",\"otau\":\"0000\"}", DysonChannel.TILT, "0", state, type);
        assertSet("{\"oton\":\"ON\",\"anct\":\"BRZE\",\"otal\":\"0359\",\"otau\":\"0359\"}", DysonChannel.TILT,
                "breeze", state, type);
        assertSet("{\"oton\":\"ON\",\"anct\":\"BRZE\",\"otal\":\"0359\",\"otau\":\"0359\"}", DysonChannel.OSCILLATION,
                true, state, type);
        assertSet("{\"oton\":\"OFF\"}", DysonChannel.OSCILLATION, false, state, type);
        assertRefused(DysonChannel.TILT, "30", state, type);
        assertRefused(DysonChannel.LOWER_ANGLE, n("90"), state, type);
    }

    @ParameterizedTest
    @CsvSource({ "20,2932", "1,2742", "0.85,2740", "-5,2740", "37,3100", "50,3100", "22.45,2956" })
    void heatTargetClampedAndPadded(String celsius, String wire) throws Exception {
        assertSet("{\"hmax\":\"" + wire + "\"}", DysonChannel.TARGET_TEMPERATURE, n(celsius), newer(""),
                ProductType.TYPE_527K);
    }

    @Test
    void heating() throws Exception {
        DeviceState state = newer(",\"hmod\":\"OFF\",\"hmax\":\"2950\",\"tilt\":\"OK\"");
        assertSet("{\"hmod\":\"HEAT\",\"hmax\":\"2950\"}", DysonChannel.HEATING, true, state, ProductType.TYPE_527);
        assertSet("{\"hmod\":\"OFF\"}", DysonChannel.HEATING, false, state, ProductType.TYPE_527);
        assertSet("{\"hmod\":\"HEAT\",\"hmax\":\"2950\"}", DysonChannel.HEATING, true,
                link(",\"hmod\":\"OFF\",\"hmax\":\"2950\""), ProductType.TYPE_455);
        DeviceState tipped = newer(",\"hmod\":\"OFF\",\"tilt\":\"TILT\"");
        assertRefused(DysonChannel.HEATING, true, tipped, ProductType.TYPE_527);
    }

    @Test
    void humidifier() throws Exception {
        DeviceState state = newer(",\"hume\":\"OFF\",\"haut\":\"ON\"");
        ProductType type = ProductType.TYPE_358K;
        assertSet("{\"hume\":\"HUMD\"}", DysonChannel.HUMIDIFICATION, true, state, type);
        assertSet("{\"hume\":\"OFF\"}", DysonChannel.HUMIDIFICATION, false, state, type);
        assertSet("{\"haut\":\"ON\"}", DysonChannel.HUMIDIFICATION_AUTO, true, state, type);
        assertSet("{\"haut\":\"OFF\",\"humt\":\"0050\"}", DysonChannel.TARGET_HUMIDITY, n("50"), state, type);
        assertSet("{\"haut\":\"OFF\",\"humt\":\"0070\"}", DysonChannel.TARGET_HUMIDITY, n("67"), state, type);
        assertSet("{\"haut\":\"OFF\",\"humt\":\"0030\"}", DysonChannel.TARGET_HUMIDITY, n("30"), state, type);
        assertSet("{\"wath\":\"2025\"}", DysonChannel.WATER_HARDNESS, "SOFT", state, type);
        assertSet("{\"wath\":\"1350\"}", DysonChannel.WATER_HARDNESS, "MEDIUM", state, type);
        assertSet("{\"wath\":\"0675\"}", DysonChannel.WATER_HARDNESS, "HARD", state, type);
        assertRefused(DysonChannel.TARGET_HUMIDITY, n("80"), state, type);
        assertRefused(DysonChannel.TARGET_HUMIDITY, n("20"), state, type);
        assertRefused(DysonChannel.WATER_HARDNESS, "VERY_HARD", state, type);
    }

    @Test
    void invalidCommandsRefused() throws Exception {
        DeviceState state = newer("");
        ProductType type = ProductType.TYPE_438K;
        assertRefused(DysonChannel.FAN_SPEED, n("0"), state, type);
        assertRefused(DysonChannel.FAN_SPEED, n("11"), state, type);
        assertRefused(DysonChannel.FAN_SPEED, n("2.5"), state, type);
        assertRefused(DysonChannel.FAN_SPEED, "fast", state, type);
        assertRefused(DysonChannel.FAN_SPEED, Double.NaN, state, type);
        assertRefused(DysonChannel.POWER, "maybe", state, type);
        assertRefused(DysonChannel.SLEEP_TIMER, n("600"), state, type);
        assertRefused(DysonChannel.SLEEP_TIMER, n("-15"), state, type);
        assertRefused(DysonChannel.FILTER_RESET, "NOW", state, type);
        assertRefused(DysonChannel.PM25, n("3"), state, type); // read-only
        assertRefused(DysonChannel.ERROR_CODE, "NONE", state, type);
        assertRefused(DysonChannel.EVENTS, "X", state, type);
        assertRefused(DysonChannel.HEATING, true, state, type); // not a heater
        assertRefused(DysonChannel.AIR_QUALITY_TARGET, "0009", link(""), ProductType.TYPE_475);
        assertRefused(DysonChannel.TARGET_TEMPERATURE, "warm", state, ProductType.TYPE_527);
    }
}
