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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;

/**
 * The baseline of the benchmark: a plain Paho client with nothing of the binding but TCP_NODELAY, doing the
 * binding's exchange (subscribe to the status topics with QoS 1, publish a {@code STATE-SET} with QoS 1, wait for
 * the device's {@code STATE-CHANGE}). Its local client id starts with "sim-" so that thread counts of the binding
 * leave it out; the cloud one carries its grant's client id, so close it before counting.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class RawPahoClient implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 10_000;

    private final MqttAsyncClient client;
    private final DeviceTopics topics;
    private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> states = new LinkedBlockingQueue<>();

    private RawPahoClient(String uri, String clientId, DeviceTopics topics) throws MqttException {
        this.client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        this.topics = topics;
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(@Nullable Throwable cause) {
            }

            @Override
            public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                if (message != null) {
                    String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                    if (payload.contains("\"STATE-CHANGE\"")) {
                        changes.add(payload);
                    } else if (payload.contains("\"CURRENT-STATE\"")) {
                        states.add(payload);
                    }
                }
            }

            @Override
            public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
            }
        });
    }

    /** Connects over plain TCP to the broker (the device's own broker, locally). */
    public static RawPahoClient local(DeviceTopics topics, int brokerPort, String password) throws MqttException {
        RawPahoClient raw = new RawPahoClient("tcp://127.0.0.1:" + brokerPort, "sim-raw-" + System.nanoTime(),
                topics);
        MqttConnectOptions options = options();
        options.setUserName(topics.serial());
        options.setPassword(password.toCharArray());
        options.setSocketFactory(new TunedSocketFactory(true));
        return raw.connect(options);
    }

    /** Connects over WSS through the AWS IoT endpoint stand-in with a fresh grant. */
    public static RawPahoClient cloud(DeviceTopics topics, String endpointHost, int endpointPort,
            IotAuthority authority, SSLContext tls) throws MqttException {
        IotAuthority.Grant grant = authority.issue(topics.serial());
        RawPahoClient raw = new RawPahoClient("wss://" + endpointHost + ":" + endpointPort + "/mqtt",
                grant.clientId(), topics);
        MqttConnectOptions options = options();
        options.setHttpsHostnameVerificationEnabled(true);
        options.setSocketFactory(new TunedSslSocketFactory(tls.getSocketFactory(), true));
        Properties headers = new Properties();
        headers.setProperty(grant.tokenKey(), grant.tokenValue());
        headers.setProperty(CloudMqttConnection.AUTHORIZER_NAME_HEADER, grant.authorizerName());
        headers.setProperty(CloudMqttConnection.AUTHORIZER_SIGNATURE_HEADER, grant.tokenSignature());
        options.setCustomWebSocketHeaders(headers);
        return raw.connect(options);
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(60);
        return options;
    }

    private RawPahoClient connect(MqttConnectOptions options) throws MqttException {
        client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
        String[] subscriptions = topics.subscriptions().toArray(new String[0]);
        int[] qos = new int[subscriptions.length];
        Arrays.fill(qos, 1);
        client.subscribe(subscriptions, qos).waitForCompletion(TIMEOUT_MILLIS);
        return this;
    }

    /** Sends a STATE-SET of the fan speed and waits for the device's STATE-CHANGE; false on a timeout. */
    public boolean setFanSpeed(int speed) throws MqttException, InterruptedException {
        changes.clear();
        String value = String.format("%04d", speed);
        String json = "{\"msg\":\"STATE-SET\",\"time\":\"" + Instant.now() + "\",\"mode-reason\":\"LAPP\","
                + "\"data\":{\"fnsp\":\"" + value + "\"}}";
        client.publish(topics.command(), json.getBytes(StandardCharsets.UTF_8), 1, false);
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        String change;
        while ((change = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (setsFanSpeed(change, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a STATE-CHANGE says {@code "fnsp":["old","value"]} (another client's change may arrive late). */
    private static boolean setsFanSpeed(String change, String value) {
        int at = change.indexOf("\"fnsp\":[");
        return at >= 0 && change.startsWith("\"" + value + "\"]", at + 15);
    }

    /** Asks for the device's state and waits for its CURRENT-STATE (what makes a thing ONLINE); false on timeout. */
    public boolean requestCurrentState() throws MqttException, InterruptedException {
        states.clear();
        String json = "{\"msg\":\"REQUEST-CURRENT-STATE\",\"time\":\"" + Instant.now() + "\"}";
        client.publish(topics.command(), json.getBytes(StandardCharsets.UTF_8), 1, false);
        return states.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) != null;
    }

    @Override
    public void close() {
        try {
            client.disconnect(0).waitForCompletion(1000);
        } catch (MqttException e) {
            // gone anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closed anyway
        }
    }
}
