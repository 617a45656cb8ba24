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
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.dyson.internal.testworld.RobotBehaviour.*;
import static org.openhab.binding.dyson.internal.testworld.RobotMqttClient.msg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.dyson.internal.device.ProductType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Robots in the standalone simulator ({@link DysonTestWorld}): chosen with {@code --families}, each on its own
 * MQTT 3.1-only port, listed in the cloud stand-in's account, living faster than real time, driven from the
 * console.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotTestWorldTest {

    private static final List<String> CONSOLE = new CopyOnWriteArrayList<>();
    private static @Nullable DysonTestWorld world;
    private static @TempDir @Nullable Path directory;

    @BeforeAll
    static void startWorld() throws Exception {
        world = DysonTestWorld.start(SimulatorOptions
                .anyPorts(List.of("475", "N223", "276", "277"), Duration.ZERO, nonNull(directory))
                .withRobotSpeed(600).withFaults(List.of("276:bin-full")), CONSOLE::add);
    }

    @AfterAll
    static void stopWorld() {
        nonNull(world).close();
    }

    private static <T> T nonNull(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    private static DysonTestWorld.SimulatedRobot robot(RobotModel model) {
        return nonNull(world).robots().stream().filter(robot -> robot.model() == model).findFirst().orElseThrow();
    }

    @Test
    void robotsAreListedBesideTheAirDevices() {
        DysonTestWorld running = nonNull(world);
        assertEquals(1, running.devices().size());
        assertEquals(List.of(RobotModel.EYE, RobotModel.HEURIST, RobotModel.VIS_NAV),
                running.robots().stream().map(DysonTestWorld.SimulatedRobot::model).toList());
        String description = running.describe();
        for (DysonTestWorld.SimulatedRobot robot : running.robots()) {
            assertTrue(description.contains(robot.serial()), robot.serial());
            assertTrue(description.contains(
                    Objects.requireNonNull(ProductType.fromRootTopic(robot.model().type())).thingTypeId()),
                    "the robot's thing type");
            assertTrue(description.contains(String.valueOf(robot.localPort().port())));
            assertNotEquals(running.brokerPort(), robot.localPort().port());
        }
    }

    @Test
    void aRobotsPortTakesMqtt31AndTheRobotAnswers() throws Exception {
        DysonTestWorld.SimulatedRobot eye = robot(RobotModel.EYE);
        List<JsonObject> messages = new CopyOnWriteArrayList<>();
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + eye.localPort().port(), "robot-world-test",
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        options.setUserName(eye.serial());
        options.setPassword(eye.localPassword().toCharArray());
        client.connect(options);
        try {
            client.subscribe(eye.simulator().statusTopic(), 1, (topic, message) -> messages.add(JsonParser
                    .parseString(new String(message.getPayload(), StandardCharsets.UTF_8)).getAsJsonObject()));
            client.publish(eye.simulator().commandTopic(),
                    new MqttMessage("{\"msg\":\"REQUEST-CURRENT-STATE\"}".getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(10)).until(() -> messages.stream().anyMatch(msg("CURRENT-STATE")));
        } finally {
            client.disconnect();
            client.close();
        }
        MqttConnectOptions newer = new MqttConnectOptions();
        newer.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        newer.setUserName(eye.serial());
        newer.setPassword(eye.localPassword().toCharArray());
        MqttClient refused = new MqttClient("tcp://127.0.0.1:" + eye.localPort().port(), "robot-world-311",
                new MemoryPersistence());
        assertThrows(MqttException.class, () -> refused.connect(newer));
        refused.close();
    }

    @Test
    void theConsoleDrivesARobotWhoseTimeRunsFast() {
        DysonTestWorld running = nonNull(world);
        DysonTestWorld.SimulatedRobot visNav = robot(RobotModel.VIS_NAV);
        assertTrue(running.command("robot 277 start").contains(FULL_CLEAN_INITIATED));
        // 600x: the 25 s from START to RUNNING pass in well under a second of real time
        await().atMost(Duration.ofSeconds(10)).until(() -> FULL_CLEAN_RUNNING.equals(visNav.simulator().state()));
        assertTrue(running.command("fault 277 lifted on").contains("23.0.3"));
        assertEquals("FAULT_USER_RECOVERABLE", visNav.simulator().state());
        assertTrue(running.command("robot 277 pause").contains("not taken"));
        assertTrue(running.command("fault 277 lifted off").contains("cleared"));
        assertTrue(running.command("robot 277 battery 40").contains("40 %"));
        assertTrue(running.command("robot 277 fly").contains("try:"));
        assertTrue(running.command("fault 277 nothing on").contains("try:"));
    }

    @Test
    void aFaultGivenAtTheStartIsActive() {
        assertEquals(RobotFault.BIN_FULL, robot(RobotModel.HEURIST).simulator().behaviour().fault());
        assertTrue(CONSOLE.stream().anyMatch(line -> line.contains("1.0.-1")), String.join("\n", CONSOLE));
    }

    @Test
    void theRobotSpeedIsAnOption() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] { "--robot-speed=60", "--families=N223" },
                new Properties());
        assertEquals(60, options.robotSpeed());
        assertEquals(SimulatorOptions.DEFAULT_ROBOT_SPEED,
                SimulatorOptions.parse(new String[0], new Properties()).robotSpeed());
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorOptions.parse(new String[] { "--robot-speed=0" }, new Properties()));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorOptions.parse(new String[] { "--robot-speed=fast" }, new Properties()));
    }
}
