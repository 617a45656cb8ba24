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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Parsing of the CONNECT packet the stand-ins check.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class MqttConnectPacketTest {

    /** A CONNECT as the MQTT 3.1.1 specification lays it out (payload beyond the client id as given). */
    private static byte[] connect(String protocol, int level, int flags, int keepAlive, String clientId,
            int extraPayload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, protocol);
        body.write(level);
        body.write(flags);
        body.write(keepAlive >> 8);
        body.write(keepAlive & 0xFF);
        writeString(body, clientId);
        body.writeBytes(new byte[extraPayload]);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int remaining = body.size();
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    @Test
    void readsTheFieldsAwsChecks() {
        MqttConnectPacket packet = MqttConnectPacket.parse(connect("MQTT", 4, 0xC2, 60, "abc", 0));
        assertNotNull(packet);
        assertEquals("MQTT", packet.protocolName());
        assertEquals(4, packet.level());
        assertEquals(60, packet.keepAliveSeconds());
        assertEquals("abc", packet.clientId());
        assertTrue(packet.cleanSession());
        assertTrue(packet.userName());
        assertTrue(packet.password());
        MqttConnectPacket legacy = MqttConnectPacket.parse(connect("MQIsdp", 3, 0x00, 1300, "x", 0));
        assertNotNull(legacy);
        assertEquals(3, legacy.level());
        assertFalse(legacy.cleanSession());
        assertFalse(legacy.userName());
    }

    @Test
    void waitsForTheWholePacketAlsoWithAMultiByteLength() {
        byte[] whole = connect("MQTT", 4, 0x02, 60, "id", 200); // remaining length 214: two bytes
        assertEquals(0x80, whole[1] & 0x80);
        for (int length = 0; length < whole.length; length++) {
            assertNull(MqttConnectPacket.parse(Arrays.copyOf(whole, length)), "prefix of " + length + " bytes");
        }
        assertNotNull(MqttConnectPacket.parse(whole));
    }

    @Test
    void refusesWhatIsNoWellFormedConnect() {
        assertThrows(IllegalArgumentException.class, () -> MqttConnectPacket.parse(new byte[] { (byte) 0xC0, 0 }));
        assertThrows(IllegalArgumentException.class, () -> MqttConnectPacket.parse(new byte[] { 0x12, 0 }));
        assertThrows(IllegalArgumentException.class,
                () -> MqttConnectPacket.parse(connect("MQTT", 4, 0x03, 60, "id", 0)), "reserved flag");
        assertThrows(IllegalArgumentException.class, () -> MqttConnectPacket
                .parse(new byte[] { 0x10, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01 }));
        byte[] cut = connect("MQTT", 4, 0x02, 60, "id", 0);
        cut[1] = 4; // the variable header claims more than the packet holds
        assertThrows(IllegalArgumentException.class, () -> MqttConnectPacket.parse(Arrays.copyOf(cut, 6)));
        assertEquals("", MqttConnectPacket.clientId(new byte[] { (byte) 0xC0, 0 }));
        assertNull(MqttConnectPacket.clientId(new byte[] { 0x10 }));
    }
}
