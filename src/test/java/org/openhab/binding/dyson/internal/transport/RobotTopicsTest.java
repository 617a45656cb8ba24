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
package org.openhab.binding.dyson.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;

/**
 * The robot vacuums' topic layout (everything on {@code <root>/<serial>/status}, §4.3 and §8) and their local MQTT
 * version (3.1 only, §4.2).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotTopicsTest {

    private static final ScheduledExecutorService SCHEDULER = new ScheduledThreadPoolExecutor(1);

    @AfterAll
    static void stop() {
        SCHEDULER.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = { "N223", "276", "277", "n223" })
    void robotsUseTheSingleStatusTopic(String root) {
        DeviceTopics topics = new DeviceTopics(root, "AAA-EU-AAA0000");
        String status = root + "/AAA-EU-AAA0000/status";
        assertTrue(topics.robot());
        assertEquals(List.of(status), topics.subscriptions());
        assertEquals(status, topics.current());
        assertEquals(status, topics.faults());
        assertEquals(status, topics.connection());
        assertEquals(root + "/AAA-EU-AAA0000/command", topics.command());
    }

    @ParameterizedTest
    @ValueSource(strings = { "438M", "475", "664", "2770" })
    void airDevicesKeepTheirThreeStatusTopics(String root) {
        DeviceTopics topics = new DeviceTopics(root, "AB1-EU-KAA0000A");
        assertFalse(topics.robot());
        assertEquals(List.of(root + "/AB1-EU-KAA0000A/status/current", root + "/AB1-EU-KAA0000A/status/faults",
                root + "/AB1-EU-KAA0000A/status/connection"), topics.subscriptions());
    }

    @Test
    void aRobotIsAskedWithMqtt31Only() throws Exception {
        List<String> seen = connectsSeenBy(new DeviceTopics("N223", "AAA-EU-AAA0000"));
        assertFalse(seen.isEmpty());
        seen.forEach(connect -> assertEquals("MQIsdp 3", connect));
    }

    @Test
    void anAirDeviceTriesMqtt311First() throws Exception {
        List<String> seen = connectsSeenBy(new DeviceTopics("438M", "AB1-EU-KAA0000A"));
        assertEquals("MQTT 4", seen.get(0));
        assertTrue(seen.contains("MQIsdp 3"), seen.toString());
    }

    /** The protocol name and level of every CONNECT a local connection sends to a broker that hangs up on each. */
    private static List<String> connectsSeenBy(DeviceTopics topics) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        seen.add(readConnect(new DataInputStream(socket.getInputStream())));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "robot-topics-test-broker");
            acceptor.setDaemon(true);
            acceptor.start();
            try (LocalMqttConnection connection = new LocalMqttConnection(topics, "127.0.0.1", server.getLocalPort(),
                    new LocalCredentials(topics.serial(), "secret"), new RecordingConnectionListener(), SCHEDULER,
                    TransportSettings.DEFAULT)) {
                assertThrows(TransportException.class, connection::connect);
            }
        }
        return seen;
    }

    /** Protocol name and level of an MQTT CONNECT (3.1: "MQIsdp" 3, 3.1.1: "MQTT" 4). */
    private static String readConnect(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        if (type != 0x10) {
            return "not a CONNECT: " + type;
        }
        int digit;
        do {
            digit = in.readUnsignedByte();
        } while ((digit & 0x80) != 0);
        byte[] name = new byte[in.readUnsignedShort()];
        in.readFully(name);
        return new String(name, StandardCharsets.UTF_8) + " " + in.readUnsignedByte();
    }
}
