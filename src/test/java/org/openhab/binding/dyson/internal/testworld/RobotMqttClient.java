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


import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A plain Paho client for robot tests: connects locally (MQTT 3.1 by default) or through the AWS IoT stand-in,
 * subscribes to the robot's status topic, keeps every message and publishes commands.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class RobotMqttClient implements AutoCloseable {

    private final MqttClient client;
    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final String commandTopic;

    private RobotMqttClient(MqttClient client, RobotSimulator robot) throws MqttException {
        this.client = client;
        this.commandTopic = robot.commandTopic();
        client.subscribe(robot.statusTopic(), 1, (topic, message) -> messages
                .add(JsonParser.parseString(new String(message.getPayload(), StandardCharsets.UTF_8))
                        .getAsJsonObject()));
    }

    /** Connects to the robot's local port with {@code mqttVersion} (3: MQTT 3.1, 4: 3.1.1, 0: Paho's default). */
    public static RobotMqttClient local(RobotWorld world, int mqttVersion) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + world.localPort(), "test-" + System.nanoTime() % 100000,
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(mqttVersion);
        options.setUserName(world.robot().serial());
        options.setPassword(world.localPassword().toCharArray());
        options.setConnectionTimeout(5);
        client.connect(options);
        return new RobotMqttClient(client, world.robot());
    }

    /** Connects through the AWS IoT endpoint stand-in with a grant from the world's authority. */
    public static RobotMqttClient cloud(RobotWorld world) throws Exception {
        IotAuthority.Grant grant = world.authority().issue(world.robot().serial());
        MqttClient client = new MqttClient("wss://" + TestPki.IOT_ENDPOINT + ":" + world.endpoint().port() + "/mqtt",
                grant.clientId(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        SSLContext context = TestPki.get().clientContext();
        options.setSocketFactory(context.getSocketFactory());
        options.setCleanSession(true);
        options.setHttpsHostnameVerificationEnabled(true);
        Properties headers = new Properties();
        headers.setProperty(grant.tokenKey(), grant.tokenValue());
        headers.setProperty(AwsIotEndpointStandIn.NAME_HEADER, grant.authorizerName());
        headers.setProperty(AwsIotEndpointStandIn.SIGNATURE_HEADER, grant.tokenSignature());
        options.setCustomWebSocketHeaders(headers);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setKeepAliveInterval(60);
        options.setConnectionTimeout(5);
        client.connect(options);
        return new RobotMqttClient(client, world.robot());
    }

    /** Publishes {@code command} with {@code msg}, {@code time} and {@code mode-reason} LAPP added. */
    public void send(String msg, JsonObject fields) throws MqttException {
        JsonObject command = new JsonObject();
        command.addProperty("msg", msg);
        command.addProperty("time", RobotBehaviour.formatTime(Instant.now()));
        command.addProperty("mode-reason", "LAPP");
        fields.entrySet().forEach(entry -> command.add(entry.getKey(), entry.getValue()));
        client.publish(commandTopic, new MqttMessage(command.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public void send(String msg) throws MqttException {
        send(msg, new JsonObject());
    }

    public List<JsonObject> messages() {
        return List.copyOf(messages);
    }

    /** Waits (at most 10 s) for a message that matches and returns the first one. */
    public JsonObject await(Predicate<JsonObject> wanted) {
        JsonObject[] found = new JsonObject[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonObject message : messages) {
                if (wanted.test(message)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Waits until {@code count} messages have arrived. */
    public void awaitCount(int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> messages.size() >= count);
    }

    /** A STATE-CHANGE to {@code state} (from another one). */
    public static Predicate<JsonObject> changeTo(String state) {
        return message -> "STATE-CHANGE".equals(string(message, "msg")) && state.equals(string(message, "newstate"))
                && !state.equals(string(message, "oldstate"));
    }

    public static Predicate<JsonObject> msg(String msg) {
        return message -> msg.equals(string(message, "msg"));
    }

    static @Nullable String string(JsonObject message, String key) {
        return message.has(key) && message.get(key).isJsonPrimitive() ? message.get(key).getAsString() : null;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
