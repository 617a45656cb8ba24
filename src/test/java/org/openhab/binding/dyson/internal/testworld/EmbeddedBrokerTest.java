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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker itself: it must not fail by itself (issue 10). What Moquette 0.17 got wrong here is fixed in
 * the patched {@code io.moquette.broker.MQTTConnection} of the test sources (see also {@link SubscriptionTreeTest}
 * and {@link BrokerConnectLoopTest}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class EmbeddedBrokerTest {

    private final EmbeddedBroker broker = new EmbeddedBroker();
    private final DeviceSimulator device = DeviceSimulator.forRoot("438M");

    @BeforeEach
    void start() throws Exception {
        broker.start();
        device.start(broker.port());
    }

    @AfterEach
    void stop() {
        device.close();
        broker.close();
    }

    /**
     * Paho acknowledges a message after its callback returns, so a client that disconnects from the callback (or
     * while a message comes in) sends its PUBACK after the DISCONNECT. Moquette 0.17 then released the message a
     * second time, and the session loop thread that served the client died: no client routed to it got a CONNACK
     * again. The same client id is routed to the same loop, so its next CONNECT shows whether the loop still runs.
     */
    @Test
    void aPubackAfterTheDisconnectLeavesTheBrokerWorking() throws Exception {
        String clientId = "late-ack";
        try (RawMqttClient client = new RawMqttClient(broker.port())) {
            client.send(RawMqttClient.connect(false, clientId, null, null));
            assertEquals(0, client.readUntil(RawMqttClient.CONNACK).returnCode());
            client.send(RawMqttClient.subscribe(device.topics().current()));
            client.readUntil(RawMqttClient.SUBACK);
            device.publishRaw(device.topics().current(), "{\"msg\":\"HELLO\"}".getBytes(StandardCharsets.UTF_8));
            int packetId = client.readUntil(RawMqttClient.PUBLISH).publishPacketId();
            client.send(RawMqttClient.disconnect(), RawMqttClient.puback(packetId));
            assertEquals(RawMqttClient.End.CLOSED, client.awaitEnd());
        }
        try (RawMqttClient again = new RawMqttClient(broker.port())) {
            again.send(RawMqttClient.connect(false, clientId, null, null));
            assertEquals(0, again.readUntil(RawMqttClient.CONNACK).returnCode(), "CONNACK code");
        }
    }
}
