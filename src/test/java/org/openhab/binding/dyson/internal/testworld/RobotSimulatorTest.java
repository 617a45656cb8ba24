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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.dyson.internal.testworld.RobotBehaviour.*;
import static org.openhab.binding.dyson.internal.testworld.RobotMqttClient.changeTo;
import static org.openhab.binding.dyson.internal.testworld.RobotMqttClient.msg;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The simulated robots over MQTT: reachable on their local port with MQTT 3.1 only, and through the AWS IoT stand-in;
 * commands from a plain Paho client change their state, and what they say arrives on {@code <root>/<serial>/status}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotSimulatorTest {

    private static RobotWorld eye = null;

    @BeforeAll
    static void startWorld() throws Exception {
        eye = RobotWorld.start(RobotModel.EYE);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        eye.close();
    }

    @Test
    void theEyeTakesMqtt31ClientsOnItsLocalPort() throws Exception {
        int admitted = eye.localFront().admittedConnects();
        try (RobotMqttClient client = RobotMqttClient.local(eye, MqttConnectOptions.MQTT_VERSION_3_1)) {
            client.send("REQUEST-CURRENT-STATE");
            JsonObject state = client.await(msg("CURRENT-STATE"));
            assertEquals(INACTIVE_CHARGED, state.get("state").getAsString());
            assertEquals(100, state.get("batteryChargeLevel").getAsInt());
            assertEquals(admitted + 1, eye.localFront().admittedConnects());
        }
    }

    @Test
    void theEyeRefusesMqtt311() {
        int refused = eye.localFront().refusedConnects();
        MqttException refusal = assertThrows(MqttException.class,
                () -> RobotMqttClient.local(eye, MqttConnectOptions.MQTT_VERSION_3_1_1));
        assertEquals(MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION, refusal.getReasonCode());
        assertEquals(refused + 1, eye.localFront().refusedConnects());
    }

    @Test
    void pahoAtItsDefaultVersionFallsBackTo31AndGetsIn() throws Exception {
        int refused = eye.localFront().refusedConnects();
        try (RobotMqttClient client = RobotMqttClient.local(eye, MqttConnectOptions.MQTT_VERSION_DEFAULT)) {
            assertEquals(refused + 1, eye.localFront().refusedConnects(), "3.1.1 first, refused");
            client.send("REQUEST-CURRENT-STATE");
            client.await(msg("CURRENT-STATE"));
        }
    }

    @Test
    void aCleanStartedOverLocalMqttRunsAndIsReported() throws Exception {
        RobotSimulator robot = eye.robot();
        try (RobotMqttClient client = RobotMqttClient.local(eye, MqttConnectOptions.MQTT_VERSION_3_1)) {
            JsonObject start = new JsonObject();
            start.addProperty("fullCleanType", "immediate");
            client.send("START", start);
            JsonObject initiated = client.await(changeTo(FULL_CLEAN_INITIATED));
            assertEquals(INACTIVE_CHARGED, initiated.get("oldstate").getAsString());
            assertEquals("immediate", initiated.get("fullCleanType").getAsString());
            assertFalse(initiated.get("cleanId").getAsString().isEmpty());

            assertTrue(robot.advanceUntil(FULL_CLEAN_RUNNING, Duration.ofMinutes(1)));
            client.await(changeTo(FULL_CLEAN_RUNNING));
            client.await(msg("MAP-GLOBAL"));
            robot.advance(Duration.ofMinutes(3));
            JsonObject report = client.await(msg("CURRENT-STATE"));
            assertEquals(95, report.get("batteryChargeLevel").getAsInt(), "the Eye reports at 95 % first");

            client.send("PAUSE");
            client.await(changeTo(FULL_CLEAN_PAUSED));
            client.send("RESUME");
            JsonObject resumed = client.await(changeTo(FULL_CLEAN_RUNNING).and(m -> FULL_CLEAN_PAUSED
                    .equals(m.get("oldstate").getAsString())));
            assertNotEquals(0, resumed.getAsJsonArray("globalPosition").get(0).getAsInt(), "it moved");

            client.send("ABORT");
            client.await(changeTo(FULL_CLEAN_ABORTED));
            assertTrue(robot.advanceUntil(INACTIVE_CHARGING, Duration.ofMinutes(5)));
            JsonObject docked = client.await(changeTo(INACTIVE_CHARGING));
            assertEquals("", docked.get("fullCleanType").getAsString());
            assertTrue(robot.advanceUntil(INACTIVE_CHARGED, Duration.ofHours(2)));
            client.await(changeTo(INACTIVE_CHARGED));
        }
    }
}
