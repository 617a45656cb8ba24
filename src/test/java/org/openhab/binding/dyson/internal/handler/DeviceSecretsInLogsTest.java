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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mockingDetails;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.ACCOUNT_PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WIFI_PASSWORD;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.invocation.Invocation;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.State;

/**
 * Connects device things locally and through the cloud, sends commands and provokes a refused login, all with every
 * binding logger at TRACE, and fails if the local MQTT password (or the sticker password it comes from), the IoT
 * token value or signature, the account password, code or token shows up in a log line, a status description or a
 * channel state.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceSecretsInLogsTest {

    private static final String LOCAL_ROOT = "475";
    private static final String CLOUD_ROOT = "520";
    private static final String EMAIL = "secrets@example.com";
    private static final String WRONG_PASSWORD = "wrong-local-secret-Uu2Rr9";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final HandlerTestWorld world = new HandlerTestWorld(CLOUD_ROOT);
    private final List<DeviceHarness> devices = new ArrayList<>();
    private final List<ThingHandlerCallback> callbacks = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        devices.forEach(DeviceHarness::close);
        world.close();
    }

    private DeviceHarness start(String root, Map<String, Object> config, HandlerTestWorld.@Nullable Account account)
            throws Exception {
        DeviceHarness harness = HandlerTestWorld.device(root, config, account, world.settings());
        devices.add(harness);
        callbacks.add(harness.callback);
        return harness.start();
    }

    private static void commandRoundTrip(DeviceHarness harness, DeviceSimulator simulator) {
        int speed = "0003".equals(simulator.productState().get("fnsp")) ? 4 : 3;
        harness.command(DysonChannel.FAN_SPEED, new DecimalType(speed));
        await().atMost(WAIT).until(() -> new DecimalType(speed).equals(harness.state(DysonChannel.FAN_SPEED)));
    }

    @Test
    void noSecretReachesALogLineAStatusOrAState() throws Exception {
        DeviceHarness local = start(LOCAL_ROOT, world.localConfig(LOCAL_ROOT, PASSWORD), null);
        DeviceHarness refused = start(LOCAL_ROOT, world.localConfig(LOCAL_ROOT, WRONG_PASSWORD), null);
        HandlerTestWorld.Account account = world.account(EMAIL, world.listedDevice("wss")).logIn();
        callbacks.add(account.callback);
        DeviceHarness cloud = start(CLOUD_ROOT, world.bridgedConfig(), account);

        await().atMost(WAIT).until(() -> local.status() == ThingStatus.ONLINE && cloud.status() == ThingStatus.ONLINE
                && refused.status() == ThingStatus.OFFLINE);
        assertTrue(new StringType("CLOUD").equals(cloud.state(DysonChannel.TRANSPORT)), "the cloud path was taken");
        commandRoundTrip(local, world.world(LOCAL_ROOT).device());
        commandRoundTrip(cloud, world.world(CLOUD_ROOT).device());

        IotAuthority.Grant grant = world.cloud().lastGrant(world.world(CLOUD_ROOT).device().topics().serial());
        assertNotNull(grant);
        String token = account.storage.get("token:" + EMAIL);
        assertNotNull(token);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WIFI_PASSWORD, WRONG_PASSWORD, ACCOUNT_PASSWORD,
                String.valueOf(world.cloud().lastCodeFor(EMAIL)), token, grant.tokenValue(), grant.tokenSignature(),
                urlEncoded(grant.tokenSignature())));

        // the test world's broker logs the MQTT client id, which AWS makes equal to the token value: not ours
        List<String> lines = logs.lines().stream().filter(line -> !line.split(" ", 3)[1].startsWith("io.moquette."))
                .toList();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("TRACE") && line.contains("STATE-SET")),
                "TRACE lines of the command path were captured");
        assertFalse(lines.stream().noneMatch(line -> line.contains("local broker refused")),
                "the refused login was logged");
        List<String> visible = new ArrayList<>(lines);
        for (ThingHandlerCallback callback : callbacks) {
            for (Invocation call : mockingDetails(callback).getInvocations()) {
                for (Object argument : call.getArguments()) {
                    if (argument instanceof ThingStatusInfo || argument instanceof State) {
                        visible.add(argument.toString());
                    }
                }
            }
        }
        for (String text : visible) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret (" + secret.length() + " chars) in: "
                        + text.replace(secret, "<SECRET>"));
            }
        }
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
