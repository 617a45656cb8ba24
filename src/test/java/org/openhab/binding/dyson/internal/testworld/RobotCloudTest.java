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
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The simulated robots in the cloud: the cloud stand-in lists them as the real manifest does, its IoT credentials
 * open the AWS IoT endpoint stand-in, and a plain Paho client there (MQTT 3.1.1 over WSS) drives the robot.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class RobotCloudTest {

    private static final String EMAIL = "robots@example.com";

    private static @NonNullByDefault({}) RobotWorld visNav;
    private static @NonNullByDefault({}) DysonCloudStandIn cloud;
    private static @NonNullByDefault({}) HttpClient http;

    @BeforeAll
    static void startWorld() throws Exception {
        visNav = RobotWorld.start(RobotModel.VIS_NAV);
        cloud = DysonCloudStandIn.start(visNav.authority());
        cloud.addAccount(EMAIL, "pw");
        cloud.addDevice(EMAIL, visNav.listedDevice());
        for (RobotModel model : new RobotModel[] { RobotModel.EYE, RobotModel.HEURIST }) {
            cloud.addDevice(EMAIL, model.standInDevice(model.simulatorSerial(),
                    DysonTestWorld.localPasswordFor(model.simulatorSerial())));
        }
        http = TestHttpClients.startTrustingTestCa();
    }

    @AfterAll
    static void stopWorld() throws Exception {
        http.stop();
        cloud.close();
        visNav.close();
    }

    @Test
    void theManifestListsRobotsAsTheCloudDoes() throws Exception {
        String body = http.newRequest(cloud.baseUrl() + DysonCloudStandIn.PATH_MANIFEST).method(HttpMethod.GET)
                .header("Authorization", "Bearer " + cloud.issueToken(EMAIL)).send().getContentAsString();
        JsonArray manifest = JsonParser.parseString(body).getAsJsonArray();
        assertEquals(3, manifest.size());
        for (JsonElement element : manifest) {
            JsonObject entry = element.getAsJsonObject();
            RobotModel model = RobotModel.fromType(entry.get("type").getAsString());
            assertNotNull(model);
            assertEquals("robot", entry.get("category").getAsString());
            assertEquals("wifiOnly", entry.get("connectionCategory").getAsString());
            assertEquals(model.model(), entry.get("model").getAsString());
            assertEquals(model.productName(), entry.get("productName").getAsString());
            JsonObject configuration = entry.getAsJsonObject("connectedConfiguration");
            JsonObject mqtt = configuration.getAsJsonObject("mqtt");
            assertEquals(model.type(), mqtt.get("mqttRootTopicLevel").getAsString());
            assertEquals("wss", mqtt.get("remoteBrokerType").getAsString());
            assertEquals(!model.cloudOnly(), mqtt.has("localBrokerCredentials"), model + ": local credentials");
            assertEquals(model.firmware(), configuration.getAsJsonObject("firmware").get("version").getAsString());
        }
    }

    @Test
    void theVisNavIsDrivenThroughTheAwsIotStandIn() throws Exception {
        RobotSimulator robot = visNav.robot();
        try (RobotMqttClient client = RobotMqttClient.cloud(visNav)) {
            client.send("REQUEST-CURRENT-STATE");
            JsonObject state = client.await(msg("CURRENT-STATE"));
            assertEquals(robot.state(), state.get("state").getAsString());

            JsonObject strategy = new JsonObject();
            JsonObject defaults = new JsonObject();
            defaults.addProperty("defaultCleaningStrategy", "quiet");
            strategy.add("defaults", defaults);
            client.send("STATE-SET", strategy);
            client.await(m -> "STATE-CHANGE".equals(RobotMqttClient.string(m, "msg"))
                    && "quiet".equals(RobotMqttClient.string(m, "defaultCleaningStrategy")));

            JsonObject start = new JsonObject();
            start.addProperty("cleaningMode", "global");
            start.addProperty("fullCleanType", "immediate");
            client.send("START", start);
            client.await(changeTo(FULL_CLEAN_INITIATED));
            assertTrue(robot.advanceUntil(FULL_CLEAN_RUNNING, Duration.ofMinutes(1)));
            client.await(changeTo(FULL_CLEAN_RUNNING));
            robot.injectFault(RobotFault.LIFTED);
            JsonObject fault = client.await(changeTo("FAULT_USER_RECOVERABLE"));
            assertEquals("23.0.3", fault.getAsJsonArray("newActiveFaults").get(0).getAsJsonObject().get("faultCode")
                    .getAsString());
            robot.clearFault();
            client.await(changeTo(INACTIVE_CHARGING));
        }
    }

    @Test
    void theCloudsIotCredentialsOpenTheEndpointForARobot() throws Exception {
        String body = http.newRequest(cloud.baseUrl() + DysonCloudStandIn.PATH_IOT_CREDENTIALS)
                .method(HttpMethod.POST).header("Authorization", "Bearer " + cloud.issueToken(EMAIL))
                .content(new org.eclipse.jetty.client.util.StringContentProvider("application/json",
                        "{\"Serial\":\"" + visNav.robot().serial() + "\"}", java.nio.charset.StandardCharsets.UTF_8))
                .send().getContentAsString();
        JsonObject credentials = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("IoTCredentials");
        assertTrue(visNav.authority().check(credentials.get("CustomAuthorizerName").getAsString(),
                credentials.get("TokenValue").getAsString(), credentials.get("TokenSignature").getAsString())
                .isPresent());
    }

    @Test
    void aHeuristIsReachedLocallyWithMqtt31() throws Exception {
        try (RobotWorld heurist = RobotWorld.start(RobotModel.HEURIST);
                RobotMqttClient client = RobotMqttClient.local(heurist, MqttConnectOptions.MQTT_VERSION_3_1)) {
            JsonObject start = new JsonObject();
            start.addProperty("fullCleanType", "immediate");
            client.send("START", start); // no cleaningMode: a Heurist does nothing
            JsonObject power = new JsonObject();
            JsonObject data = new JsonObject();
            data.addProperty("defaultVacuumPowerMode", "3");
            power.add("data", data);
            client.send("STATE-SET", power);
            JsonObject set = client.await(m -> "3".equals(RobotMqttClient.string(m, "defaultVacuumPowerMode")));
            assertEquals(INACTIVE_CHARGED, set.get("newstate").getAsString(), "the START before was not taken");
            start.addProperty("cleaningMode", "global");
            client.send("START", start);
            JsonObject initiated = client.await(changeTo(FULL_CLEAN_INITIATED));
            assertEquals("3", initiated.get("currentVacuumPowerMode").getAsString());
        }
    }
}
