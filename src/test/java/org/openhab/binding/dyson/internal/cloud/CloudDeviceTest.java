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
package org.openhab.binding.dyson.internal.cloud;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.cloud.dto.ManifestDevice;

import com.google.gson.Gson;

/**
 * Conversion of manifest entries (protocol reference §2.5) into {@link CloudDevice}s.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class CloudDeviceTest {

    private static final String FULL = """
            {"serialNumber":"AB1-EU-KAA0000A","name":"Bedroom","type":"438","variant":"K","model":"TP07",
             "productName":"Dyson Purifier Cool","category":"ec","connectionCategory":"lecAndWifi",
             "connectedConfiguration":{"firmware":{"version":"438KPF.00.01.003.0011","autoUpdateEnabled":true,
               "capabilities":["AdvanceOscillationDay1","Scheduling",null]},
              "mqtt":{"localBrokerCredentials":"c2VjcmV0","mqttRootTopicLevel":"438K","remoteBrokerType":"wss"}}}
            """;

    private final Gson gson = new Gson();

    private CloudDevice device(String json) {
        ManifestDevice entry = gson.fromJson(json, ManifestDevice.class);
        assertNotNull(entry);
        return CloudDevice.fromManifest(entry);
    }

    @Test
    void takesEveryFieldOfAFullEntry() {
        CloudDevice device = device(FULL);
        assertEquals("AB1-EU-KAA0000A", device.serialNumber());
        assertEquals("Bedroom", device.name());
        assertEquals("438", device.productType());
        assertEquals("K", device.variant());
        assertEquals("TP07", device.model());
        assertEquals("Dyson Purifier Cool", device.productName());
        assertEquals("ec", device.category());
        assertEquals("lecAndWifi", device.connectionCategory());
        assertEquals("438KPF.00.01.003.0011", device.firmwareVersion());
        assertEquals(List.of("AdvanceOscillationDay1", "Scheduling"), device.capabilities());
        assertEquals("438K", device.mqttRootTopicLevel());
        assertEquals("wss", device.remoteBrokerType());
        assertEquals("c2VjcmV0", device.localBrokerCredentials());
        assertTrue(device.isMqttCapable());
        assertTrue(device.usesRemoteBroker());
        assertTrue(device.hasLocalCredentials());
        assertFalse(device.toString().contains("c2VjcmV0"), "toString must leave the credentials out");
    }

    @Test
    void listedRootTopicLevelWinsOverTheType() {
        CloudDevice device = device(FULL.replace("\"438K\"", "\"438M\""));
        assertEquals("438M", device.mqttRootTopicLevel());
    }

    @Test
    void rootTopicLevelFallsBackToTypeAndVariant() {
        assertEquals("438K", device("{\"serialNumber\":\"S1\",\"type\":\"438\",\"variant\":\"K\"}")
                .mqttRootTopicLevel());
        assertEquals("475", device("{\"serialNumber\":\"S1\",\"type\":\"475\"}").mqttRootTopicLevel());
        assertEquals("N223", device("{\"serialNumber\":\"S1\",\"type\":\"N223\",\"variant\":null}")
                .mqttRootTopicLevel());
        assertEquals("527M", device("{\"serialNumber\":\"S1\",\"type\":\"527M\",\"variant\":\"M\"}")
                .mqttRootTopicLevel());
    }

    @Test
    void nameFallsBackToProductNameThenSerial() {
        assertEquals("Dyson Hot+Cool",
                device("{\"serialNumber\":\"S1\",\"type\":\"527\",\"name\":null,\"productName\":\"Dyson Hot+Cool\"}")
                        .name());
        assertEquals("S1", device("{\"serialNumber\":\"S1\",\"type\":\"527\",\"name\":\" \"}").name());
    }

    @Test
    void devicesWithoutMqttAreNotMqttCapable() {
        assertFalse(device(FULL.replace("lecAndWifi", "lecOnly")).isMqttCapable());
        assertFalse(device(FULL.replace("lecAndWifi", "nonConnected")).isMqttCapable());
        assertFalse(device("{\"serialNumber\":\"S1\",\"type\":\"438\",\"connectionCategory\":\"wifiOnly\","
                + "\"connectedConfiguration\":null}").isMqttCapable());
        assertTrue(device(FULL.replace("lecAndWifi", "wifiOnly")).isMqttCapable());
    }

    @Test
    void remoteBrokerOnlyForWssOrMqtts() {
        assertTrue(device(FULL.replace("\"wss\"", "\"mqtts\"")).usesRemoteBroker());
        assertFalse(device(FULL.replace("\"remoteBrokerType\":\"wss\"", "\"remoteBrokerType\":null"))
                .usesRemoteBroker());
        assertFalse(device(FULL.replace("\"wss\"", "\"none\"")).usesRemoteBroker());
    }

    @Test
    void cloudOnlyDeviceHasNoLocalCredentials() {
        CloudDevice device = device(FULL.replace("\"localBrokerCredentials\":\"c2VjcmV0\",", ""));
        assertFalse(device.hasLocalCredentials());
        assertNull(device.localBrokerCredentials());
        assertTrue(device.isMqttCapable());
    }

    @Test
    void rejectsEntriesThatCannotBeUsed() {
        assertThrows(IllegalArgumentException.class, () -> device("{\"type\":\"438\"}"));
        assertThrows(IllegalArgumentException.class, () -> device("{\"serialNumber\":\"S1/#\",\"type\":\"438\"}"));
        assertThrows(IllegalArgumentException.class, () -> device("{\"serialNumber\":\"S1\"}"));
        assertThrows(IllegalArgumentException.class, () -> device(FULL.replace("\"438K\"", "\"438/+\"")));
    }

    @Test
    void capabilitiesAreImmutable() {
        List<String> capabilities = device(FULL).capabilities();
        assertThrows(UnsupportedOperationException.class, () -> capabilities.add("x"));
    }
}
