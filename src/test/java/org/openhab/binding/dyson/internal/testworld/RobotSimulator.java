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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A simulated Dyson robot vacuum on the test broker: one Paho client (MQTT 3.1, as the robots speak it) that listens
 * on {@code <root>/<serial>/command} and publishes on {@code <root>/<serial>/status} (no {@code /current}, protocol
 * notes §8) what its {@link RobotBehaviour} says. Simulated time passes only when asked: {@link #advance} (tests:
 * deterministic, an hour in milliseconds) or {@link #runAtSpeed} (the standalone simulator: a clock thread advances
 * the robot by real time times a speed factor).
 * <p>
 * In a test:
 *
 * <pre>
 * try (RobotWorld world = RobotWorld.start(RobotModel.EYE)) {
 *     RobotSimulator robot = world.robot();
 *     // a client connects to 127.0.0.1:world.localPort() with MQTT 3.1, user robot.serial(), password
 *     // world.localPassword(), subscribes robot.statusTopic() and publishes a START on robot.commandTopic()
 *     robot.advanceUntil(RobotBehaviour.FULL_CLEAN_RUNNING, Duration.ofMinutes(1));
 *     robot.advance(Duration.ofMinutes(5)); // battery drains, position moves, messages are published
 *     robot.injectFault(RobotFault.LIFTED);
 * }
 * </pre>
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class RobotSimulator implements AutoCloseable {

    /** How often the clock thread of {@link #runAtSpeed} moves the robot on. */
    private static final long TICK_MILLIS = 100;

    private final RobotBehaviour behaviour;
    private final String statusTopic;
    private final String commandTopic;
    private final List<JsonObject> published = new ArrayList<>(); // guarded by this
    private final List<JsonObject> received = new ArrayList<>(); // guarded by this
    private volatile Consumer<String> commandListener = payload -> {
    };
    private @Nullable MqttAsyncClient client;
    private @Nullable ScheduledExecutorService clock;
    private double pendingSeconds; // guarded by this: simulated time not yet passed on to the behaviour

    public RobotSimulator(RobotBehaviour behaviour) {
        this.behaviour = behaviour;
        String prefix = behaviour.model().type() + "/" + behaviour.serial() + "/";
        this.statusTopic = prefix + "status";
        this.commandTopic = prefix + "command";
    }

    /** A robot of {@code model} with {@code serial}, docked and charged, its clock starting now. */
    public static RobotSimulator create(RobotModel model, String serial) {
        return create(model, serial, RobotBehaviour.Settings.DEFAULT);
    }

    public static RobotSimulator create(RobotModel model, String serial, RobotBehaviour.Settings settings) {
        return new RobotSimulator(new RobotBehaviour(model, serial, Instant.now(), settings));
    }

    public RobotModel model() {
        return behaviour.model();
    }

    public String serial() {
        return behaviour.serial();
    }

    /** {@code <root>/<serial>/status}: everything the robot says. */
    public String statusTopic() {
        return statusTopic;
    }

    /** {@code <root>/<serial>/command}: where it listens. */
    public String commandTopic() {
        return commandTopic;
    }

    /** The state machine itself (read-only use; change it through this simulator so messages get published). */
    public RobotBehaviour behaviour() {
        return behaviour;
    }

    /**
     * Connects to the broker at {@code tcp://127.0.0.1:port} (MQTT 3.1), subscribes to the command topic and says
     * what the robot says when it comes online (HELLO or IM-BACK, see {@link RobotBehaviour#connected()}).
     */
    public RobotSimulator start(int brokerPort, @Nullable String user, @Nullable String password)
            throws MqttException {
        MqttAsyncClient mqtt = SimulatorClient.connect(brokerPort,
                "robot-" + behaviour.serial().replace("-", "").toLowerCase(java.util.Locale.ROOT),
                MqttConnectOptions.MQTT_VERSION_3_1, user, password, new Callback(), commandTopic);
        client = mqtt;
        synchronized (this) {
            behaviour.connected();
            flush();
        }
        return this;
    }

    /** Connects anonymously. */
    public RobotSimulator start(int brokerPort) throws MqttException {
        return start(brokerPort, null, null);
    }

    /**
     * Lets simulated time run by itself at {@code speed} times real time (1: real time, 60: a minute per second),
     * until {@link #stopRunning()} or {@link #close()}. Calling it again changes the speed.
     */
    public synchronized RobotSimulator runAtSpeed(double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("The speed must be positive");
        }
        stopRunning();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "robot-clock-" + behaviour.serial());
            thread.setDaemon(true);
            return thread;
        });
        clock = executor;
        long[] last = { System.nanoTime() };
        executor.scheduleAtFixedRate(() -> {
            long nowNanos = System.nanoTime();
            double realSeconds = (nowNanos - last[0]) / 1e9;
            last[0] = nowNanos;
            tick(realSeconds * speed);
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops the clock thread of {@link #runAtSpeed}; time then passes only through {@link #advance}. */
    public synchronized void stopRunning() {
        ScheduledExecutorService executor = clock;
        clock = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private synchronized void tick(double simulatedSeconds) {
        pendingSeconds += simulatedSeconds;
        long whole = (long) pendingSeconds;
        if (whole > 0) {
            pendingSeconds -= whole;
            behaviour.advance(Duration.ofSeconds(whole));
            flush();
        }
    }

    /** Lets {@code duration} of simulated time pass now and publishes what the robot says meanwhile. */
    public synchronized void advance(Duration duration) {
        behaviour.advance(duration);
        flush();
    }

    /**
     * Lets simulated time pass second by second until the robot is in {@code state}, at most {@code limit}.
     *
     * @return whether the state was reached
     */
    public synchronized boolean advanceUntil(String state, Duration limit) {
        for (long second = 0; second < limit.getSeconds(); second++) {
            if (state.equals(behaviour.state())) {
                return true;
            }
            behaviour.advance(Duration.ofSeconds(1));
            flush();
        }
        return state.equals(behaviour.state());
    }

    /**
     * Handles a command as if it had arrived on the command topic (the console uses it); returns whether the robot
     * took it.
     */
    public synchronized boolean command(JsonObject command) {
        received.add(command.deepCopy());
        boolean taken = behaviour.command(command);
        flush();
        return taken;
    }

    /** Lets a fault come (see {@link RobotFault}); false while another one is active. */
    public synchronized boolean injectFault(RobotFault fault) {
        boolean injected = behaviour.injectFault(fault);
        flush();
        return injected;
    }

    /** The user deals with the fault; false without one. */
    public synchronized boolean clearFault() {
        boolean cleared = behaviour.clearFault();
        flush();
        return cleared;
    }

    /** Sets the battery level (e.g. low, to see FULL_CLEAN_NEEDS_CHARGE soon); see {@link RobotBehaviour#setBattery}. */
    public synchronized void setBattery(int percent) {
        behaviour.setBattery(percent);
        flush();
    }

    /** Publishes GOODBYE as a robot does before it goes off the network. */
    public synchronized void goodbye() {
        behaviour.goodbye();
        flush();
    }

    public String state() {
        return behaviour.state();
    }

    public int batteryLevel() {
        return behaviour.batteryLevel();
    }

    public int[] position() {
        return behaviour.position();
    }

    /** Every message published so far, in order (copies). */
    public synchronized List<JsonObject> published() {
        return published.stream().map(JsonObject::deepCopy).toList();
    }

    /**
     * The states the robot reported so far, in order: {@code newstate} of each STATE-CHANGE that changed the state
     * (same-state changes left out).
     */
    public synchronized List<String> stateSequence() {
        List<String> states = new ArrayList<>();
        for (JsonObject message : published) {
            if ("STATE-CHANGE".equals(message.get("msg").getAsString())
                    && !message.get("oldstate").getAsString().equals(message.get("newstate").getAsString())) {
                states.add(message.get("newstate").getAsString());
            }
        }
        return states;
    }

    /** Every message received on the command topic (or through {@link #command}), in order (copies). */
    public synchronized List<JsonObject> receivedCommands() {
        return received.stream().map(JsonObject::deepCopy).toList();
    }

    /** Also hands every raw command received over MQTT to {@code listener} (on Paho's callback thread). */
    public RobotSimulator onCommand(Consumer<String> listener) {
        commandListener = listener;
        return this;
    }

    /** Whether the robot's own MQTT client is connected to the broker. */
    public boolean isConnected() {
        MqttAsyncClient mqtt = client;
        return mqtt != null && mqtt.isConnected();
    }

    @Override
    public void close() {
        stopRunning();
        MqttAsyncClient mqtt = client;
        client = null;
        if (mqtt != null) {
            SimulatorClient.closeQuietly(mqtt);
        }
    }

    /** Publishes what the behaviour produced, in order; kept in {@link #published} even while not connected. */
    private void flush() {
        List<JsonObject> messages = behaviour.drain();
        published.addAll(messages);
        MqttAsyncClient mqtt = client;
        if (mqtt == null) {
            return;
        }
        for (JsonObject message : messages) {
            try {
                mqtt.publish(statusTopic, message.toString().getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (MqttException e) {
                // the broker is away (restart tests): the message is lost, as a real robot's would be
            }
        }
    }

    private void onMessage(String payload) {
        commandListener.accept(payload);
        JsonObject command;
        try {
            command = JsonParser.parseString(payload).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return; // a robot ignores what it cannot read
        }
        command(command);
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, @Nullable String serverURI) {
            MqttAsyncClient mqtt = client;
            if (reconnect && mqtt != null) {
                try {
                    mqtt.subscribe(commandTopic, 1);
                    synchronized (RobotSimulator.this) {
                        behaviour.connected();
                        flush();
                    }
                } catch (MqttException e) {
                    // the next reconnect tries again
                }
            }
        }

        @Override
        public void connectionLost(@Nullable Throwable cause) {
        }

        @Override
        public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
            if (message != null) {
                onMessage(new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
        }
    }
}
