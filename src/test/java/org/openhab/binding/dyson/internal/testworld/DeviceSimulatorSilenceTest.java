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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A silent {@link DeviceSimulator} answers and publishes nothing and, when it comes back, handles what it was sent
 * meanwhile.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceSimulatorSilenceTest {

    private static final String STATE_SET = "{\"msg\":\"STATE-SET\",\"time\":\"2026-01-01T00:00:00Z\","
            + "\"mode-reason\":\"LAPP\",\"data\":{\"fnsp\":\"0003\"}}";

    private final EmbeddedBroker broker = new EmbeddedBroker();
    private final DeviceSimulator device = DeviceSimulator.forRoot("475");
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private @NonNullByDefault({}) MqttClient client;

    @BeforeEach
    void start() throws Exception {
        broker.start();
        device.start(broker.port());
        client = new MqttClient("tcp://127.0.0.1:" + broker.port(), "listener", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        client.subscribe(device.topics().current(), 1,
                (topic, message) -> heard.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() throws Exception {
        client.disconnectForcibly(0, 500);
        client.close();
        device.close();
        broker.close();
    }

    @Test
    void silentDeviceSaysNothingAndCatchesUpWhenBack() throws Exception {
        device.goSilent();
        assertTrue(device.isSilent());
        client.publish(device.topics().command(), STATE_SET.getBytes(StandardCharsets.UTF_8), 1, false);
        device.driftSensors(new Random(1));
        // a marker sent after the command: once it is back, the broker has routed the command as well
        client.publish(device.topics().current(), "{\"msg\":\"MARK\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream().anyMatch(m -> m.contains("MARK")));
        assertEquals(List.of(), device.receivedCommands());
        assertEquals("AUTO", device.productState().get("fnsp"));
        assertEquals(1, heard.size(), "nothing but the marker: " + heard);

        device.comeBack();

        await().atMost(Duration.ofSeconds(5)).until(() -> device.receivedCommands().equals(List.of("STATE-SET")));
        assertEquals("0003", device.productState().get("fnsp"));
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream().anyMatch(m -> m.contains("STATE-CHANGE")));
    }
}
