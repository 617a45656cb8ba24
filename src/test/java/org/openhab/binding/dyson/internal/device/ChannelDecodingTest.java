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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParser;
import org.openhab.binding.dyson.internal.protocol.StateUpdate;

/**
 * Expected channel values per family from known captured messages.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ChannelDecodingTest {

    private static ChannelValue on(boolean on) {
        return new ChannelValue.OnOff(on);
    }

    private static ChannelValue q(String value, DysonUnit unit) {
        return new ChannelValue.Quantity(new BigDecimal(value), unit);
    }

    private static ChannelValue text(String text) {
        return new ChannelValue.Text(text);
    }

    private static void assertValues(DeviceState state, Map<DysonChannel, ChannelValue> expected) {
        expected.forEach((channel, value) -> assertEquals(value, channel.decode(state), channel.uidSuffix()));
    }

    @Test
    void pureCoolLink475() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("475", "02-homebridge-dyson-link-i36-c386931941.jsonl", 2);
        assertValues(state, Map.ofEntries(Map.entry(DysonChannel.POWER, on(true)),
                Map.entry(DysonChannel.AUTO_MODE, on(false)),
                Map.entry(DysonChannel.FAN_SPEED, new ChannelValue.Decimal(new BigDecimal(4))),
                Map.entry(DysonChannel.AIR_QUALITY_TARGET, text("0003")),
                Map.entry(DysonChannel.OSCILLATION, on(true)), Map.entry(DysonChannel.NIGHT_MODE, on(false)),
                Map.entry(DysonChannel.CONTINUOUS_MONITORING, on(true)),
                Map.entry(DysonChannel.FILTER_LIFE, q("4298", DysonUnit.HOUR)),
                Map.entry(DysonChannel.ERROR_CODE, text("NONE")), Map.entry(DysonChannel.FAN_RUNNING, on(true)),
                Map.entry(DysonChannel.TEMPERATURE, q("24.15", DysonUnit.CELSIUS)),
                Map.entry(DysonChannel.HUMIDITY, q("79", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.DUST_INDEX, q("4", DysonUnit.ONE)),
                Map.entry(DysonChannel.VOC_INDEX, q("0", DysonUnit.ONE)),
                Map.entry(DysonChannel.SLEEP_TIMER, q("0", DysonUnit.MINUTE)),
                Map.entry(DysonChannel.RSSI, ChannelValue.UNDEFINED)));
        assertEquals(List.of(DysonChannel.RSSI),
                ChannelCatalogue.unsupportedChannels(DeviceFamily.PURE_COOL_LINK, state));
    }

    @Test
    void pureCoolLinkWithFailedSensorShowsUndefNotZero() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("475", "01-matterbridge-own-device.jsonl", 3);
        assertEquals(ChannelValue.UNDEFINED, DysonChannel.TEMPERATURE.decode(state));
        assertEquals(ChannelValue.UNDEFINED, DysonChannel.HUMIDITY.decode(state));
        assertEquals(q("4", DysonUnit.ONE), DysonChannel.DUST_INDEX.decode(state));
        assertEquals(on(true), DysonChannel.AUTO_MODE.decode(state));
        assertEquals(ChannelValue.UNDEFINED, DysonChannel.FAN_SPEED.decode(state), "AUTO is no speed");
        assertEquals(q("-63", DysonUnit.DBM), DysonChannel.RSSI.decode(state));
        assertEquals(text("t&hs"), DysonChannel.ACTIVE_FAULTS.decode(state));
        assertTrue(ChannelCatalogue.unsupportedChannels(DeviceFamily.PURE_COOL_LINK, state).isEmpty(),
                "FAIL is a faulty sensor, not a missing one");
    }

    @Test
    void pureCool520() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("520", "02-homebridge-dyson-link-i81-d.jsonl", 2);
        assertValues(state, Map.ofEntries(Map.entry(DysonChannel.POWER, on(false)),
                Map.entry(DysonChannel.AIRFLOW_DIRECTION, on(true)), Map.entry(DysonChannel.AUTO_MODE, on(false)),
                Map.entry(DysonChannel.OSCILLATION, on(false)),
                Map.entry(DysonChannel.FAN_SPEED, new ChannelValue.Decimal(new BigDecimal(5))),
                Map.entry(DysonChannel.HEPA_LIFE, q("90", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.CARBON_LIFE, q("90", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.LOWER_ANGLE, q("156", DysonUnit.DEGREE)),
                Map.entry(DysonChannel.UPPER_ANGLE, q("202", DysonUnit.DEGREE)),
                Map.entry(DysonChannel.ANGLE_PRESET, text("45")), Map.entry(DysonChannel.ERROR_CODE, text("12D2")),
                Map.entry(DysonChannel.RSSI, q("-61", DysonUnit.DBM)),
                Map.entry(DysonChannel.TEMPERATURE, q("23.65", DysonUnit.CELSIUS)),
                Map.entry(DysonChannel.HUMIDITY, q("41", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.PM25, q("293", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
                Map.entry(DysonChannel.PM10, q("281", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
                Map.entry(DysonChannel.VOC, q("4.2", DysonUnit.ONE)), Map.entry(DysonChannel.NO2, q("0.0", DysonUnit.ONE))));
        List<DysonChannel> lacking = ChannelCatalogue.unsupportedChannels(DeviceFamily.PURE_COOL, state);
        assertTrue(lacking.containsAll(List.of(DysonChannel.HCHO, DysonChannel.DUST_INDEX, DysonChannel.VOC_INDEX,
                DysonChannel.AIR_QUALITY_TARGET, DysonChannel.FILTER_LIFE)), lacking.toString());
        assertFalse(lacking.contains(DysonChannel.PM25));
        assertFalse(lacking.contains(DysonChannel.EVENTS));
    }

    @Test
    void pureHotCool527K() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("527K", "01-homebridge-soma-shades-i10-d.jsonl", 2);
        assertValues(state, Map.ofEntries(Map.entry(DysonChannel.POWER, on(true)),
                Map.entry(DysonChannel.FAN_SPEED, new ChannelValue.Decimal(new BigDecimal(6))),
                Map.entry(DysonChannel.HEATING, on(false)),
                Map.entry(DysonChannel.TARGET_TEMPERATURE, q("20.35", DysonUnit.CELSIUS)),
                Map.entry(DysonChannel.HEATING_ACTIVE, on(false)), Map.entry(DysonChannel.TIPPED_OVER, on(false)),
                Map.entry(DysonChannel.ANGLE_PRESET, text("350")),
                Map.entry(DysonChannel.LOWER_ANGLE, q("170", DysonUnit.DEGREE)),
                Map.entry(DysonChannel.CARBON_LIFE, ChannelValue.UNDEFINED),
                Map.entry(DysonChannel.CARBON_TYPE, text("NONE")), Map.entry(DysonChannel.HCHO, ChannelValue.UNDEFINED),
                Map.entry(DysonChannel.TEMPERATURE, q("25.15", DysonUnit.CELSIUS)),
                Map.entry(DysonChannel.NO2, q("0.3", DysonUnit.ONE)), Map.entry(DysonChannel.VOC, q("0.9", DysonUnit.ONE)),
                Map.entry(DysonChannel.PM25, q("1", DysonUnit.MICROGRAM_PER_CUBIC_METRE))));
        assertEquals(List.of(DysonChannel.HCHO), ChannelCatalogue.unsupportedChannels(DeviceFamily.PURE_HOT_COOL, state));
    }

    @Test
    void pureHumidifyCool358K() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("358K", "01-matterbridge-dyson-robot-i16-c3395262557.jsonl", 2);
        assertValues(state, Map.ofEntries(Map.entry(DysonChannel.HUMIDIFICATION, on(false)),
                Map.entry(DysonChannel.HUMIDIFICATION_AUTO, on(true)),
                Map.entry(DysonChannel.TARGET_HUMIDITY, q("70", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.AUTO_TARGET_HUMIDITY, q("50", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.HUMIDIFYING_NOW, on(false)), Map.entry(DysonChannel.WATER_HARDNESS, text("HARD")),
                Map.entry(DysonChannel.DEEP_CLEAN_STATE, text("INACTIVE")),
                Map.entry(DysonChannel.DEEP_CLEAN_REMAINING, q("60", DysonUnit.MINUTE)),
                Map.entry(DysonChannel.NEXT_DEEP_CLEAN, q("301", DysonUnit.HOUR)),
                Map.entry(DysonChannel.HUMIDIFIER_ANGLE_PRESET, text("BREEZE")),
                Map.entry(DysonChannel.HEPA_LIFE, q("0", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.WARNING_CODE, text("FLTR")), Map.entry(DysonChannel.ERROR_CODE, text("31U2")),
                Map.entry(DysonChannel.HCHO, q("10", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
                Map.entry(DysonChannel.TEMPERATURE, q("20.25", DysonUnit.CELSIUS)),
                Map.entry(DysonChannel.HUMIDITY, q("60", DysonUnit.PERCENT))));
        assertTrue(ChannelCatalogue.unsupportedChannels(DeviceFamily.PURE_HUMIDIFY_COOL, state).isEmpty());
    }

    @Test
    void bigQuiet664() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("664", "02-ha-dyson-i76-c1778697615.jsonl", 2);
        assertValues(state, Map.ofEntries(Map.entry(DysonChannel.TILT, text("50")),
                Map.entry(DysonChannel.OSCILLATION, on(false)), Map.entry(DysonChannel.AIRFLOW_DIRECTION, on(false)),
                Map.entry(DysonChannel.FAN_SPEED, new ChannelValue.Decimal(BigDecimal.TEN)),
                Map.entry(DysonChannel.SCO_LIFE, ChannelValue.UNDEFINED), Map.entry(DysonChannel.SCO_TYPE, text("SCOH")),
                Map.entry(DysonChannel.CO2, q("2282", DysonUnit.PPM)),
                Map.entry(DysonChannel.HCHO, q("6", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
                Map.entry(DysonChannel.HEPA_TYPE, text("GHEP")),
                Map.entry(DysonChannel.CARBON_LIFE, q("84", DysonUnit.PERCENT)),
                Map.entry(DysonChannel.TEMPERATURE, q("26.55", DysonUnit.CELSIUS))));
        assertTrue(ChannelCatalogue.unsupportedChannels(DeviceFamily.BIG_QUIET, state).isEmpty());
    }

    @Test
    void bigQuietWithoutCo2SensorLosesTheChannelAndBreezeTilt() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("664", "01-matterbridge-own-device.jsonl", 40);
        assertTrue(ChannelCatalogue.unsupportedChannels(DeviceFamily.BIG_QUIET, state).contains(DysonChannel.CO2));
        DeviceState breeze = DeviceFixtures.fromPayloads("{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"oton\":\"ON\","
                + "\"anct\":\"BRZE\",\"otal\":\"0359\",\"otau\":\"0359\"}}");
        assertEquals(text("BREEZE"), DysonChannel.TILT.decode(breeze));
        assertEquals(on(true), DysonChannel.OSCILLATION.decode(breeze));
    }

    @Test
    void purifierCool438M() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("438M", "01-ha-dyson-i238-c2807840355.jsonl", 2);
        assertValues(state, Map.ofEntries(Map.entry(DysonChannel.AUTO_MODE, on(true)),
                Map.entry(DysonChannel.FAN_SPEED, ChannelValue.UNDEFINED), Map.entry(DysonChannel.POWER, on(true)),
                Map.entry(DysonChannel.LOWER_ANGLE, q("136", DysonUnit.DEGREE)),
                Map.entry(DysonChannel.UPPER_ANGLE, q("226", DysonUnit.DEGREE)),
                Map.entry(DysonChannel.ANGLE_PRESET, text("CUSTOM")),
                Map.entry(DysonChannel.PM25, q("5", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
                Map.entry(DysonChannel.PM10, q("5", DysonUnit.MICROGRAM_PER_CUBIC_METRE)),
                Map.entry(DysonChannel.TEMPERATURE, ChannelValue.UNDEFINED)));
        List<DysonChannel> lacking = ChannelCatalogue.unsupportedChannels(DeviceFamily.PURE_COOL, state);
        assertTrue(lacking.containsAll(List.of(DysonChannel.TEMPERATURE, DysonChannel.HUMIDITY, DysonChannel.VOC,
                DysonChannel.NO2, DysonChannel.HCHO, DysonChannel.AIRFLOW_DIRECTION, DysonChannel.ERROR_CODE)),
                lacking.toString());
        List<DysonChannel> kept = ChannelCatalogue.supportedChannels(DeviceFamily.PURE_COOL, state);
        assertTrue(kept.containsAll(List.of(DysonChannel.PM25, DysonChannel.PM10, DysonChannel.SLEEP_TIMER,
                DysonChannel.ANGLE_PRESET, DysonChannel.FILTER_RESET, DysonChannel.TRANSPORT)), kept.toString());
    }

    @Test
    void sensorsOffOrWarmingUpAreUndefined() throws Exception {
        DeviceState state = DeviceFixtures.fromPayloads("{\"msg\":\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\",\"data\":{"
                + "\"tact\":\"OFF\",\"hact\":\"off\",\"p25r\":\"OFF\",\"pm25\":\"0003\",\"va10\":\"INIT\","
                + "\"noxl\":\"FAIL\",\"hchr\":\"NONE\",\"co2r\":\"INV\"}}");
        for (DysonChannel channel : List.of(DysonChannel.TEMPERATURE, DysonChannel.HUMIDITY, DysonChannel.PM25,
                DysonChannel.VOC, DysonChannel.NO2, DysonChannel.HCHO, DysonChannel.CO2)) {
            assertEquals(ChannelValue.UNDEFINED, channel.decode(state), channel.uidSuffix());
        }
        assertEquals(ChannelValue.UNDEFINED, DysonChannel.PM10.decode(state), "nothing received");
    }

    @Test
    void unsupportedChannelsWaitForFullReports() throws Exception {
        DeviceState state = DeviceFixtures.fromPayloads(
                "{\"msg\":\"STATE-CHANGE\",\"product-state\":{\"fpwr\":[\"OFF\",\"ON\"]}}");
        assertTrue(ChannelCatalogue.unsupportedChannels(DeviceFamily.PURE_COOL, state).isEmpty(),
                "a STATE-CHANGE may be partial");
    }

    @Test
    void affectedChannelsFollowChangedKeys() throws Exception {
        DeviceState state = new DeviceState();
        StateUpdate update = state.apply(MessageParser.parse(
                "{\"msg\":\"STATE-CHANGE\",\"product-state\":{\"fpwr\":[\"OFF\",\"ON\"],\"hmax\":[\"2930\",\"2950\"]}}"));
        assertEquals(List.of(DysonChannel.POWER, DysonChannel.TARGET_TEMPERATURE),
                ChannelCatalogue.affectedBy(DeviceFamily.PURE_HOT_COOL, update));
        StateUpdate faults = state
                .apply(MessageParser.parse("{\"msg\":\"CURRENT-FAULTS\",\"product-errors\":{\"amf1\":\"FAIL\"}}"));
        assertEquals(List.of(DysonChannel.ACTIVE_FAULTS), ChannelCatalogue.affectedBy(DeviceFamily.PURE_COOL, faults));
        assertEquals(List.of("FAULT_RAISED:amf1"), faults.events());
    }

    @Test
    void findAcceptsIdsWithAndWithoutGroup() {
        assertEquals(DysonChannel.PM25, DysonChannel.find(DeviceFamily.PURE_COOL, "air-quality#pm25"));
        assertEquals(DysonChannel.PM25, DysonChannel.find(DeviceFamily.PURE_COOL, "pm25"));
        assertEquals(DysonChannel.HUMIDIFIER_ANGLE_PRESET,
                DysonChannel.find(DeviceFamily.PURE_HUMIDIFY_COOL, "oscillation#angle-preset"));
        assertEquals(DysonChannel.ANGLE_PRESET, DysonChannel.find(DeviceFamily.PURE_HOT_COOL, "angle-preset"));
        assertEquals(null, DysonChannel.find(DeviceFamily.PURE_COOL, "control#pm25"));
        assertEquals(null, DysonChannel.find(DeviceFamily.PURE_COOL_LINK, "pm25"));
    }
}
