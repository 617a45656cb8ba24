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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests {@link ProductType} and {@link DeviceFamily}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ProductTypeTest {

    private static final Map<String, String> THING_TYPES = Map.ofEntries(Map.entry("475", "pure-cool-link"),
            Map.entry("469", "pure-cool-link"), Map.entry("455", "pure-hot-cool-link"), Map.entry("438", "pure-cool"),
            Map.entry("438E", "pure-cool"), Map.entry("438K", "pure-cool"), Map.entry("438M", "pure-cool"),
            Map.entry("520", "pure-cool"), Map.entry("527", "pure-hot-cool"), Map.entry("527E", "pure-hot-cool"),
            Map.entry("527K", "pure-hot-cool"), Map.entry("527M", "pure-hot-cool"),
            Map.entry("358", "pure-humidify-cool"), Map.entry("358E", "pure-humidify-cool"),
            Map.entry("358K", "pure-humidify-cool"), Map.entry("664", "big-quiet"), Map.entry("N223", "360-eye"),
            Map.entry("276", "360-heurist"), Map.entry("277", "360-vis-nav"));

    @Test
    void everyRootMapsToItsFixedThingType() {
        THING_TYPES.forEach((root, thingType) -> {
            ProductType type = Objects.requireNonNull(ProductType.fromRootTopic(root), root);
            assertEquals(root, type.rootTopic());
            assertEquals(thingType, type.thingTypeId(), root);
            assertSame(type.family(), DeviceFamily.fromThingTypeId(thingType));
        });
        assertEquals(THING_TYPES.size(), ProductType.values().length);
    }

    @ParameterizedTest
    @ValueSource(strings = { "552", "", "438X", "2770", "N22" })
    void lampsAndUnknownRootsAreNotKnown(String root) {
        assertNull(ProductType.fromRootTopic(root));
    }

    @Test
    void robotsAreTheirOwnFamiliesWithoutAirCapabilities() {
        for (String root : List.of("N223", "276", "277")) {
            ProductType type = Objects.requireNonNull(ProductType.fromRootTopic(root), root);
            assertTrue(type.isRobot(), root);
            assertTrue(type.family().isRobot(), root);
            assertEquals(OscillationKind.NONE, type.oscillation());
            assertEquals(AirflowControl.NONE, type.airflow());
            assertTrue(type.sensors().isEmpty());
            assertFalse(type.hasHeating() || type.hasHumidifier());
            assertNotNull(RobotProfile.of(type.family()), root);
        }
        assertEquals(List.of("RB03"), ProductType.TYPE_277.models());
        assertEquals("360 Eye", ProductType.TYPE_N223.productName());
        assertFalse(ProductType.TYPE_438.isRobot());
        assertNull(RobotProfile.of(DeviceFamily.PURE_COOL));
    }

    @Test
    void lowerCaseRootsAreAccepted() {
        assertSame(ProductType.TYPE_438K, ProductType.fromRootTopic("438k"));
    }

    @Test
    void tableCapabilities() {
        assertTrue(ProductType.TYPE_455.hasHeating());
        assertEquals(AirflowControl.JET_FOCUS, ProductType.TYPE_455.airflow());
        assertTrue(ProductType.TYPE_358K.hasHumidifier());
        assertEquals(OscillationKind.PRESET, ProductType.TYPE_358.oscillation());
        assertEquals(OscillationKind.D0, ProductType.TYPE_438M.oscillation());
        assertEquals(OscillationKind.TILT, ProductType.TYPE_664.oscillation());
        assertEquals(OscillationKind.ON_OFF, ProductType.TYPE_475.oscillation());
        assertTrue(ProductType.TYPE_664.sensors().contains(Sensor.CO2));
        assertFalse(ProductType.TYPE_438M.sensors().contains(Sensor.TEMPERATURE));
        assertTrue(ProductType.TYPE_438M.models().contains("TP11"));
        assertNull(DeviceFamily.fromThingTypeId("account"));
    }
}
