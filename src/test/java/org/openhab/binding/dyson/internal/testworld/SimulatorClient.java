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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.dyson.internal.transport.TunedSocketFactory;

/**
 * The MQTT client of a simulated device or robot on the broker that stands in for its own: connected, reconnecting
 * by itself, subscribed to the command topic.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SimulatorClient {

    private static final long TIMEOUT_MILLIS = 5000;

    private SimulatorClient() {
    }

    /**
     * Connects to {@code tcp://127.0.0.1:port} and subscribes to {@code commandTopic}; on failure the client is
     * closed (or its automatic reconnect would go on competing for the client id).
     *
     * @param mqttVersion one of {@link MqttConnectOptions}'s MQTT_VERSION_* constants
     */
    static MqttAsyncClient connect(int brokerPort, String clientId, int mqttVersion, @Nullable String user,
            @Nullable String password, MqttCallback callback, String commandTopic) throws MqttException {
        MqttAsyncClient mqtt = new MqttAsyncClient("tcp://127.0.0.1:" + brokerPort, clientId, new MemoryPersistence());
        mqtt.setCallback(callback);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(mqttVersion);
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(200);
        // Paho allows 10 unacknowledged QoS 1 publishes by default and throws on the 11th: many clients asking at once
        options.setMaxInflight(1000);
        options.setSocketFactory(new TunedSocketFactory(true));
        if (user != null && password != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        try {
            mqtt.connect(options).waitForCompletion(TIMEOUT_MILLIS);
            mqtt.subscribe(commandTopic, 1).waitForCompletion(TIMEOUT_MILLIS);
        } catch (MqttException e) {
            closeQuietly(mqtt);
            throw e;
        }
        return mqtt;
    }

    /** Disconnects at once and closes, whatever state the client is in. */
    static void closeQuietly(MqttAsyncClient mqtt) {
        try {
            mqtt.disconnectForcibly(0, 500, false);
        } catch (MqttException e) {
            // already gone
        }
        try {
            mqtt.close(true);
        } catch (MqttException e) {
            // already closed
        }
    }
}
