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

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A simulated Dyson device: one Paho client on the test broker that listens on the device's {@code command} topic
 * and answers like a real device, seeded with real captured messages of its product family
 * ({@code src/test/resources/simulator/<root>.json}). It answers REQUEST-CURRENT-STATE, REQUEST-PRODUCT-ENVIRONMENT-
 * CURRENT-SENSOR-DATA and REQUEST-CURRENT-FAULTS, applies STATE-SET as a real device does ({@link SimulatedBehaviour})
 * and publishes a STATE-CHANGE with {@code [old, new]} pairs for all keys, says HELLO on start and after every
 * reconnect, and can say GONE-AWAY, GOODBYE and IM-BACK. Its sensor values can drift ({@link #driftSensors}), as a
 * standalone simulator shows them; faults and warnings can be injected ({@link #injectFault}). It can go silent and
 * come back ({@link #goSilent}, {@link #comeBack}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceSimulator implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 5000;

    private final DeviceTopics topics;
    private final JsonObject seed;
    private final Map<String, String> productState = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private final List<JsonObject> rawCommands = new ArrayList<>();
    private final JsonObject environment;
    private final SimulatedFaults faults;
    private volatile Consumer<String> commandListener = payload -> {
    };
    private final List<String> heldWhileSilent = new ArrayList<>(); // guarded by itself
    private volatile boolean silent;
    private @Nullable MqttAsyncClient client;

    public DeviceSimulator(DeviceTopics topics, JsonObject seed) {
        this.topics = topics;
        this.seed = seed;
        JsonObject state = seed.getAsJsonObject("currentState").getAsJsonObject("product-state");
        for (Map.Entry<String, JsonElement> entry : state.entrySet()) {
            productState.put(entry.getKey(), entry.getValue().getAsString());
        }
        environment = seed.getAsJsonObject("environment").deepCopy();
        faults = new SimulatedFaults(topics.root(), seed.getAsJsonObject("faults"));
    }

    /** A simulator for the product family {@code root} with the serial of its seed. */
    public static DeviceSimulator forRoot(String root) {
        JsonObject seed = seed(root);
        return new DeviceSimulator(new DeviceTopics(root, seed.get("serial").getAsString()), seed);
    }

    /** The seed of a product family: root, serial and captured currentState, environment and (if any) faults. */
    public static JsonObject seed(String root) {
        String resource = "/simulator/" + root + ".json";
        try (InputStream in = DeviceSimulator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No simulator seed " + resource);
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public DeviceTopics topics() {
        return topics;
    }

    /** Connects to the broker at {@code tcp://127.0.0.1:port}, subscribes to the command topic and says HELLO. */
    public DeviceSimulator start(int brokerPort, @Nullable String user, @Nullable String password)
            throws MqttException {
        MqttAsyncClient mqtt = SimulatorClient.connect(brokerPort, "sim-" + topics.serial(),
                MqttConnectOptions.MQTT_VERSION_DEFAULT, user, password, new Callback(), topics.command());
        client = mqtt;
        hello();
        return this;
    }

    /** Connects anonymously. */
    public DeviceSimulator start(int brokerPort) throws MqttException {
        return start(brokerPort, null, null);
    }

    /** Also hands every command received (the raw JSON) to {@code listener}, on Paho's callback thread. */
    public DeviceSimulator onCommand(Consumer<String> listener) {
        commandListener = listener;
        return this;
    }

    public synchronized List<String> receivedCommands() {
        return List.copyOf(commands);
    }

    /** Every message received on the command topic, in order, as parsed JSON (copies). */
    public synchronized List<JsonObject> receivedMessages() {
        return rawCommands.stream().map(JsonObject::deepCopy).toList();
    }

    /** How many messages of type {@code msg} arrived so far. */
    public synchronized long receivedCount(String msg) {
        return commands.stream().filter(msg::equals).count();
    }

    public synchronized Map<String, String> productState() {
        return Map.copyOf(productState);
    }

    /** The sensor values as last reported ({@code data} of ENVIRONMENTAL-CURRENT-SENSOR-DATA). */
    public synchronized Map<String, String> sensorData() {
        Map<String, String> values = new LinkedHashMap<>();
        environment.getAsJsonObject("data").entrySet()
                .forEach(entry -> values.put(entry.getKey(), entry.getValue().getAsString()));
        return values;
    }

    /**
     * Moves every numeric sensor value one step (see {@link SensorDrift}) and publishes the new values unsolicited,
     * as ENVIRONMENTAL-CURRENT-SENSOR-DATA on the current topic.
     */
    public void driftSensors(Random random) {
        JsonObject drifted;
        synchronized (this) {
            JsonObject data = environment.getAsJsonObject("data");
            JsonObject original = seed.getAsJsonObject("environment").getAsJsonObject("data");
            SensorDrift.step(data, original, random);
            drifted = withTime(environment);
        }
        publish(topics.current(), drifted);
    }

    public void hello() {
        JsonObject hello = envelope("HELLO");
        hello.addProperty("protocol", "1.0.0");
        hello.addProperty("serialNumber", topics.serial());
        hello.addProperty("version", "21.04.03");
        publish(topics.connection(), hello);
    }

    public void goneAway() {
        JsonObject message = new JsonObject();
        message.addProperty("msg", "GONE-AWAY");
        publish(topics.connection(), message);
    }

    public void goodbye() {
        JsonObject message = envelope("GOODBYE");
        message.addProperty("reason", "UNKNOWN");
        publish(topics.connection(), message);
    }

    public void imBack() {
        publish(topics.connection(), envelope("IM-BACK"));
    }

    /**
     * Changes a product-state value without telling anyone, as the remote control or the device's own button does
     * while no client listens; the next REQUEST-CURRENT-STATE reports it.
     */
    public synchronized void changeSilently(String key, String value) {
        productState.put(key, value);
    }

    /**
     * Publishes {@code payload} as it is (QoS 1) on one of the device's topics, e.g. malformed or oversized data for
     * fault tests; waits until the broker has taken it.
     */
    public void publishRaw(String topic, byte[] payload) {
        MqttAsyncClient mqtt = client;
        if (mqtt == null) {
            throw new IllegalStateException("Simulator not started");
        }
        try {
            mqtt.publish(topic, payload, 1, false).waitForCompletion(TIMEOUT_MILLIS);
        } catch (MqttException e) {
            throw new IllegalStateException("Simulator could not publish: " + e.getMessage(), e);
        }
    }

    /**
     * Goes silent like a device whose firmware stalls: the MQTT session stays up, but the device answers nothing and
     * publishes nothing (no state, no sensor data, no HELLO). What arrives meanwhile waits, as it would in the
     * device's receive buffer, until {@link #comeBack()}.
     */
    public void goSilent() {
        silent = true;
    }

    /** Ends {@link #goSilent()}: handles what arrived meanwhile, in order, then carries on as before. */
    public void comeBack() {
        List<String> held;
        synchronized (heldWhileSilent) {
            silent = false;
            held = List.copyOf(heldWhileSilent);
            heldWhileSilent.clear();
        }
        held.forEach(this::onCommand);
    }

    public boolean isSilent() {
        return silent;
    }

    /** Whether the device's own MQTT client is connected to the broker right now. */
    public boolean isConnected() {
        MqttAsyncClient mqtt = client;
        return mqtt != null && mqtt.isConnected();
    }

    @Override
    public void close() {
        MqttAsyncClient mqtt = client;
        client = null;
        if (mqtt != null) {
            SimulatorClient.closeQuietly(mqtt);
        }
    }

    private void onCommand(String payload) {
        JsonObject command = JsonParser.parseString(payload).getAsJsonObject();
        String msg = command.has("msg") ? command.get("msg").getAsString() : "";
        synchronized (this) {
            commands.add(msg);
            rawCommands.add(command);
        }
        commandListener.accept(payload);
        switch (msg) {
            case "REQUEST-CURRENT-STATE" -> publish(topics.current(), currentState());
            case "REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA" -> publish(topics.current(), environment());
            case "REQUEST-CURRENT-FAULTS" -> publish(topics.faults(), faults());
            case "STATE-SET" -> publish(topics.current(), applyStateSet(command));
            default -> {
                // other commands (schedules, resets) are recorded only
            }
        }
    }

    private synchronized JsonObject currentState() {
        JsonObject state = withTime(seed.getAsJsonObject("currentState"));
        JsonObject values = new JsonObject();
        productState.forEach(values::addProperty);
        state.add("product-state", values);
        return state;
    }

    private synchronized JsonObject environment() {
        return withTime(environment);
    }

    /** The four fault maps as the next CURRENT-FAULTS reports them. */
    public JsonObject faultReport() {
        return faults.current();
    }

    private JsonObject faults() {
        JsonObject message = envelope("CURRENT-FAULTS");
        faults.current().entrySet().forEach(entry -> message.add(entry.getKey(), entry.getValue()));
        return message;
    }

    /**
     * Lets a fault or warning come ({@code failing}) or go, as a device reports it: FAULTS-CHANGE on the faults topic;
     * the filter warning {@code fltr} also shows as {@code wacd} FLTR in the state (STATE-CHANGE), as §6.2 describes
     * it. Returns whether anything changed.
     *
     * @throws IllegalArgumentException for a warning the family does not have (a water tank on a fan)
     */
    public boolean injectFault(String code, boolean failing) {
        JsonObject maps = faults.set(code, failing);
        if (maps == null) {
            return false;
        }
        JsonObject change = envelope("FAULTS-CHANGE");
        maps.entrySet().forEach(entry -> change.add(entry.getKey(), entry.getValue()));
        publish(topics.faults(), change);
        if ("fltr".equals(code)) {
            JsonObject stateChange = null;
            synchronized (this) {
                if (productState.containsKey("wacd")) {
                    Map<String, String> next = new LinkedHashMap<>(productState);
                    next.put("wacd", failing ? "FLTR" : "NONE");
                    stateChange = changeTo(next, "NONE");
                }
            }
            if (stateChange != null) {
                publish(topics.current(), stateChange);
            }
        }
        return true;
    }

    /** Applies a STATE-SET as the device would (see {@link SimulatedBehaviour}) and returns its STATE-CHANGE. */
    private synchronized JsonObject applyStateSet(JsonObject command) {
        JsonObject data = command.has("data") ? command.getAsJsonObject("data") : new JsonObject();
        Map<String, String> values = new LinkedHashMap<>();
        data.entrySet().forEach(entry -> values.put(entry.getKey(), entry.getValue().getAsString()));
        return changeTo(SimulatedBehaviour.apply(productState, values),
                command.has("mode-reason") ? command.get("mode-reason").getAsString() : "LAPP");
    }

    /**
     * Moves to {@code next} and returns the STATE-CHANGE: every key as an {@code [old, new]} pair, unchanged ones as
     * {@code [x, x]}, as the captured devices send it (438M/01 line 2: {@code "bril":["0002","0002"]} beside
     * {@code "fnsp":["AUTO","0005"]}).
     */
    private JsonObject changeTo(Map<String, String> next, String modeReason) {
        Map<String, String> old = new LinkedHashMap<>(productState);
        productState.clear();
        productState.putAll(next);
        JsonObject pairs = new JsonObject();
        productState.forEach((key, value) -> {
            JsonArray pair = new JsonArray();
            pair.add(old.getOrDefault(key, value));
            pair.add(value);
            pairs.add(key, pair);
        });
        JsonObject change = envelope("STATE-CHANGE");
        change.addProperty("mode-reason", modeReason);
        change.addProperty("state-reason", "MODE");
        change.add("product-state", pairs);
        JsonElement scheduler = seed.getAsJsonObject("currentState").get("scheduler");
        if (scheduler != null) {
            change.add("scheduler", scheduler.deepCopy());
        }
        return change;
    }

    /**
     * One minute passes on the device: a running sleep timer counts down (and switches the device off at zero); a
     * change is published as STATE-CHANGE. Returns whether anything changed.
     */
    public boolean minutePassed() {
        JsonObject change;
        synchronized (this) {
            Map<String, String> next = SimulatedBehaviour.minutePassed(productState);
            if (next.equals(productState)) {
                return false;
            }
            change = changeTo(next, "NONE");
        }
        publish(topics.current(), change);
        return true;
    }

    private static JsonObject envelope(String msg) {
        JsonObject message = new JsonObject();
        message.addProperty("msg", msg);
        message.addProperty("time", SimulatedBehaviour.time(Instant.now()));
        return message;
    }

    private static JsonObject withTime(JsonObject captured) {
        JsonObject copy = captured.deepCopy();
        copy.addProperty("time", SimulatedBehaviour.time(Instant.now()));
        return copy;
    }

    private void publish(String topic, JsonObject message) {
        MqttAsyncClient mqtt = client;
        if (mqtt == null || silent) {
            return;
        }
        try {
            mqtt.publish(topic, message.toString().getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException("Simulator could not publish: " + e.getMessage(), e);
        }
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, @Nullable String serverURI) {
            MqttAsyncClient mqtt = client;
            if (reconnect && mqtt != null) {
                try {
                    mqtt.subscribe(topics.command(), 1);
                    // as a real device announces itself whenever it (re)connects to its broker
                    hello();
                } catch (MqttException | IllegalStateException e) {
                    // the next reconnect tries again
                }
            }
        }

        @Override
        public void connectionLost(@Nullable Throwable cause) {
        }

        @Override
        public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
            if (message == null) {
                return;
            }
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            synchronized (heldWhileSilent) {
                if (silent) {
                    heldWhileSilent.add(payload);
                    return;
                }
            }
            onCommand(payload);
        }

        @Override
        public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
        }
    }
}
