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
package org.openhab.binding.dyson.internal.handler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.ACCOUNT_PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WIFI_PASSWORD;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * Runs every diagnostics command ({@code status}, {@code listen}, {@code capture}, {@code reconnect}) on a device
 * reached locally (serial number that looks real, sticker Wi-Fi password) and one reached through the cloud (IoT
 * token), while both devices send a message that carries their serial number, a MAC address, an SSID and every
 * secret the binding holds for that device (local: the sticker's Wi-Fi password and the MQTT password made from it;
 * cloud: the account's password and token, the IoT token value and signature, also URL-encoded); fails if any of them, or the
 * local device's serial number, shows up in what the console printed or the capture files hold.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DiagnosticsSecretsTest {

    private static final String CLOUD_ROOT = "520";
    private static final String EMAIL = "diagnostics@example.com";
    private static final String MAC = "C8:FF:77:12:34:56";
    private static final String SSID = "HomeNetwork-Ee3Qq8";

    private final HandlerTestWorld cloudWorld = new HandlerTestWorld(CLOUD_ROOT);
    private final LoopbackWorld localWorld;
    private final DiagnosticsFixture fixture;

    @TempDir
    Path dir = Path.of(".");

    DiagnosticsSecretsTest() throws Exception {
        localWorld = DiagnosticsFixture.startWorld();
        fixture = new DiagnosticsFixture(localWorld);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        localWorld.close();
        cloudWorld.close();
    }

    @Test
    void noSecretNorSerialReachesTheConsoleOrACapture() throws Exception {
        DeviceHarness local = fixture.startDevice();
        HandlerTestWorld.Account account = cloudWorld.account(EMAIL, cloudWorld.listedDevice("wss")).logIn();
        DeviceHarness cloud = fixture.register(
                HandlerTestWorld.device(CLOUD_ROOT, cloudWorld.bridgedConfig(), account, cloudWorld.settings()));
        cloud.start();
        await().atMost(WAIT).until(() -> cloud.status() == ThingStatus.ONLINE);
        assertEquals(new StringType("CLOUD"), cloud.state(DysonChannel.TRANSPORT), "the cloud path was taken");
        DeviceSimulator cloudDevice = cloudWorld.world(CLOUD_ROOT).device();

        IotAuthority.Grant grant = cloudWorld.cloud().lastGrant(cloudDevice.topics().serial());
        assertNotNull(grant);
        String token = account.storage.get("token:" + EMAIL);
        assertNotNull(token);
        // what the binding holds for each device: the local one has no account, the cloud one no local password
        // (the e-mailed code is gone once the login is done: saveToken clears it)
        List<String> localSecrets = List.of(PASSWORD, WIFI_PASSWORD);
        List<String> cloudSecrets = List.of(ACCOUNT_PASSWORD, token, grant.tokenValue(), grant.tokenSignature(),
                URLEncoder.encode(grant.tokenSignature(), StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>(localSecrets);
        secrets.addAll(cloudSecrets);
        secrets.addAll(List.of(MAC, SSID)); // sent under their keys

        List<String> printed = new ArrayList<>();
        List<Path> captures = new ArrayList<>();
        for (DeviceHarness device : List.of(local, cloud)) {
            DeviceSimulator simulator = device == local ? localWorld.device() : cloudDevice;
            String uid = DiagnosticsFixture.uid(device);
            Path file = dir.resolve(captures.size() + ".jsonl");
            captures.add(file);

            fixture.run("status " + uid);
            printed.addAll(fixture.lines);
            fixture.lines.clear();
            Thread listening = new Thread(() -> fixture.command.execute(new String[] { "listen", uid, "600" },
                    fixture.console));
            Thread capturing = new Thread(() -> fixture.command.execute(
                    new String[] { "capture", uid, "600", file.toString() }, fixture.console));
            listening.start();
            capturing.start();
            await().atMost(WAIT).until(() -> DiagnosticsFixture.diagnostics(device).tap().listeners() == 2);

            simulator.publishRaw(simulator.topics().connection(),
                    tellingHello(simulator, device == local ? localSecrets : cloudSecrets));
            int speed = "0003".equals(simulator.productState().get("fnsp")) ? 4 : 3;
            device.command(DysonChannel.FAN_SPEED, new DecimalType(speed));
            await().atMost(WAIT).until(() -> Files.readString(file).contains("HELLO")
                    && Files.readString(file).contains("STATE-CHANGE")
                    && fixture.lines.stream().filter(line -> line.contains("HELLO")).count() == 1);
            listening.interrupt();
            capturing.interrupt();
            listening.join();
            capturing.join();

            fixture.run("reconnect " + uid);
            printed.addAll(fixture.lines);
            await().atMost(WAIT).until(() -> device.status() == ThingStatus.ONLINE);
            fixture.run("status " + uid);
            printed.addAll(fixture.lines);
        }

        List<String> visible = new ArrayList<>(printed);
        for (Path file : captures) {
            visible.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        String all = String.join("\n", visible);
        for (String text : visible) {
            assertFalse(text.toUpperCase(Locale.ROOT).contains(DiagnosticsFixture.SERIAL),
                    "the serial number in: " + text);
            for (String secret : secrets) {
                assertFalse(text.contains(secret),
                        "a secret (" + secret.length() + " chars) in: " + text.replace(secret, "<SECRET>"));
            }
        }
        assertTrue(all.contains("\"serialNumber\":\"" + DiagnosticsFixture.FAKE_SERIAL + "\""),
                "the local device's message came through: " + all);
        assertTrue(all.contains("\"macAddress\":\"REDACTED\"") && all.contains("\"note\":\"secrets: REDACTED"),
                "the messages with the secrets came through: " + all);
        assertTrue(all.contains("Reconnected over CLOUD") && all.contains("Reconnected over LOCAL"), all);
    }

    /**
     * A HELLO as devices send it (serial, MAC address), plus the network name and, in a note, the secrets and the
     * serial in lower case.
     */
    private static byte[] tellingHello(DeviceSimulator simulator, List<String> secrets) {
        String hello = "{\"msg\":\"HELLO\",\"time\":\"2026-01-10T08:00:00.000Z\",\"protocol\":\"1.0.0\","
                + "\"serialNumber\":\"" + simulator.topics().serial() + "\",\"macAddress\":\"" + MAC + "\",\"ssid\":\""
                + SSID + "\",\"version\":\"21.04.03\",\"note\":\"secrets: " + String.join(" ", secrets) + " "
                + simulator.topics().serial().toLowerCase(Locale.ROOT) + "\"}";
        return hello.getBytes(StandardCharsets.UTF_8);
    }
}
