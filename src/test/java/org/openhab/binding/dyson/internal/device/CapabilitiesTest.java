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

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.ProtocolGeneration;

/**
 * Tests {@link Capabilities} detection from captured key sets.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class CapabilitiesTest {

    @Test
    void linkFirmwareOnA438IsDetected() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("438", "01-homebridge-dyson-link-i14-c364741305.jsonl", 9);
        Capabilities caps = Capabilities.detect(ProductType.TYPE_438, state);
        assertEquals(ProtocolGeneration.LINK, caps.generation());
        assertTrue(caps.isLink());
        assertEquals(OscillationKind.ON_OFF, caps.oscillation());
        assertEquals(AirflowControl.NONE, caps.airflow());
        assertTrue(caps.sensors().contains(Sensor.DUST_INDEX));
    }

    @Test
    void purifierCoolTp11HasOnlyParticulates() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("438M", "01-ha-dyson-i238-c2807840355.jsonl", 2);
        Capabilities caps = Capabilities.detect(ProductType.TYPE_438M, state);
        assertEquals(ProtocolGeneration.NEWER, caps.generation());
        assertEquals(OscillationKind.D0, caps.oscillation());
        assertEquals(AirflowControl.NONE, caps.airflow());
        assertEquals(Set.of(Sensor.PARTICULATES), caps.sensors());
    }

    @Test
    void formaldehydeNoneMeansNotFitted() throws Exception {
        DeviceState state = DeviceFixtures.fromCapture("527K", "01-homebridge-soma-shades-i10-d.jsonl", 2);
        Capabilities caps = Capabilities.detect(ProductType.TYPE_527K, state);
        assertTrue(caps.heating());
        assertFalse(caps.sensors().contains(Sensor.FORMALDEHYDE));
        assertTrue(caps.sensors().contains(Sensor.NO2));
    }

    @Test
    void bigQuietTiltAndHumidifierPresetsFromKeys() throws Exception {
        DeviceState bigQuiet = DeviceFixtures.fromCapture("664", "02-ha-dyson-i76-c1778697615.jsonl", 2);
        Capabilities caps = Capabilities.detect(DeviceFamily.BIG_QUIET, bigQuiet);
        assertEquals(OscillationKind.TILT, caps.oscillation());
        assertTrue(caps.sensors().contains(Sensor.CO2));

        DeviceState humidifier = DeviceFixtures.fromCapture("358K", "01-matterbridge-dyson-robot-i16-c3395262557.jsonl",
                2);
        Capabilities humid = Capabilities.detect(ProductType.TYPE_358K, humidifier);
        assertTrue(humid.humidifier());
        assertEquals(OscillationKind.PRESET, humid.oscillation());
        assertEquals(AirflowControl.DIRECTION, humid.airflow());
    }

    @Test
    void beforeAnyStateTheTableApplies() {
        Capabilities caps = Capabilities.detect(ProductType.TYPE_455, new DeviceState());
        assertEquals(ProtocolGeneration.UNKNOWN, caps.generation());
        assertTrue(caps.isLink());
        assertEquals(AirflowControl.JET_FOCUS, caps.airflow());
        assertEquals(ProductType.TYPE_455.sensors(), caps.sensors());
        assertFalse(Capabilities.detect(DeviceFamily.PURE_COOL, new DeviceState()).isLink());
    }
}
