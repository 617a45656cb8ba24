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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.WAIT;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.assertNothingEscaped;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.disposeLeavesNothing;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.threads;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.builder.ThingStatusInfoBuilder;

/**
 * Things going away in the middle of a connect (issue 8): a device thing disposed while the AWS IoT endpoint accepts
 * TCP and never answers the TLS handshake, and the account bridge disposed while its device is still getting its
 * cloud credentials. Nothing may throw, block or stay behind.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DisposeFaultsTest {

    private static final String ROOT = "520";
    private static final HandlerTestWorld WORLD = new HandlerTestWorld(ROOT);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @AfterAll
    static void stopWorld() throws Exception {
        WORLD.close();
    }

    private static DeviceHarness startCloudDevice(HandlerTestWorld.Account account, int cloudPort) throws Exception {
        Map<String, Object> config = WORLD.bridgedConfig();
        config.put("transport", "cloud");
        return HandlerTestWorld.device(ROOT, config, account, HandlerTestWorld.settings(cloudPort)).start();
    }

    @Test
    void disposeWhileTheCloudEndpointNeverAnswersReturnsPromptly() throws Exception {
        HandlerTestWorld.Account account = WORLD.account("silent@example.com", WORLD.listedDevice("wss")).logIn();
        List<String> threadsBefore = threads();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            DeviceHarness harness = startCloudDevice(account, silent.getLocalPort());
            // Paho's threads run while the TLS handshake waits for an answer
            await().atMost(WAIT).until(() -> threads().size() > threadsBefore.size());
            disposeLeavesNothing(harness, threadsBefore);
            int calls = harness.callbackCalls();
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> harness.callbackCalls() == calls);
        } finally {
            account.close();
        }
        assertNothingEscaped(logs);
    }

    @Test
    void theAccountDisposedWhileItsDeviceConnectsLeavesTheDeviceOfflineWithAReason() throws Exception {
        HandlerTestWorld.Account account = WORLD.account("leaving@example.com", WORLD.listedDevice("wss")).logIn();
        DysonCloudStandIn cloud = WORLD.cloud();
        List<String> threadsBefore = threads();
        int requests = cloud.requestCount(DysonCloudStandIn.PATH_IOT_CREDENTIALS);
        cloud.delayNext(DysonCloudStandIn.PATH_IOT_CREDENTIALS, Duration.ofSeconds(2), 1);
        DeviceHarness harness = startCloudDevice(account, WORLD.world(ROOT).endpoint().port());
        try {
            // the device waits for its IoT credentials
            await().atMost(WAIT).until(() -> cloud.requestCount(DysonCloudStandIn.PATH_IOT_CREDENTIALS) > requests);

            // core disposes the bridge handler, unhooks it, and tells the children
            long start = System.nanoTime();
            account.handler.dispose();
            account.bridge.setHandler(null);
            ThingStatusInfo gone = ThingStatusInfoBuilder
                    .create(ThingStatus.UNINITIALIZED, ThingStatusDetail.HANDLER_MISSING_ERROR).build();
            harness.handler.bridgeStatusChanged(gone);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(FaultChecks.PROMPT) < 0, "took " + took.toMillis() + " ms");

            // the delayed credentials arrive for an account that is gone: the device must not count on them
            await().atMost(WAIT).untilAsserted(() -> {
                ThingStatusInfo info = harness.statusInfo();
                boolean bridgeOffline = info.getStatus() == ThingStatus.OFFLINE
                        && info.getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE;
                boolean withReason = info.getStatus() == ThingStatus.OFFLINE
                        && info.getStatusDetail() == ThingStatusDetail.COMMUNICATION_ERROR
                        && String.valueOf(info.getDescription()).contains("account");
                assertTrue(bridgeOffline || withReason, info.toString());
            });
            await().during(Duration.ofSeconds(3)).atMost(WAIT)
                    .until(() -> harness.status() == ThingStatus.OFFLINE);
        } finally {
            disposeLeavesNothing(harness, threadsBefore);
        }
        assertNothingEscaped(logs);
    }
}
