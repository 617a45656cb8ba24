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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.WAIT;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.assertNothingEscaped;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitOffline;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitOnlineWithFreshState;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitTransport;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitUnreachable;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.commandReachesTheDevice;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.commandWhileDown;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.disposeLeavesNothing;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.otherNightMode;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.threads;

import java.math.BigDecimal;
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
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Faults of the local path (issue 8), each through a real {@link DysonDeviceHandler}, the device link and the
 * embedded broker with a simulated Link device: the device's broker down at start or killed mid-session, the device
 * leaving its session, and a dispose while a connect hangs.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class LocalBrokerFaultsTest {

    private static final String ROOT = "475";
    /** Link devices switch power with the fan mode. */
    private static final String POWER_KEY = "fmod";
    private static final HandlerTestWorld WORLD = new HandlerTestWorld(ROOT);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @AfterAll
    static void stopWorld() throws Exception {
        WORLD.close();
    }

    /**
     * A local thing polling every 10 s (the minimum): the simulated device is a client of the restarted broker, not
     * the broker itself, and only the next poll reaches it if the binding reconnects before it has resubscribed.
     */
    private static DeviceHarness startLocal() throws Exception {
        Map<String, Object> config = WORLD.localConfig(ROOT, HandlerTestWorld.PASSWORD);
        config.put("refreshInterval", BigDecimal.TEN);
        return HandlerTestWorld.device(ROOT, config, null, WORLD.settings()).start();
    }

    @Test
    void brokerDownAtStartShowsTheReasonAndConnectsOnceItRuns() throws Exception {
        EmbeddedBroker broker = WORLD.world(ROOT).broker();
        DeviceSimulator simulator = WORLD.world(ROOT).device();
        List<String> threadsBefore = threads();
        broker.stop();
        DeviceHarness harness = startLocal();
        try {
            awaitUnreachable(harness, "local device unreachable (127.0.0.1:" + broker.port() + ")");
            FaultChecks.PendingCommand pending = commandWhileDown(harness, simulator, logs);
            broker.start();
            awaitOnlineWithFreshState(harness, simulator, POWER_KEY);
            awaitTransport(harness, "LOCAL", "local network");
            pending.assertAppliedOrRefused(logs);
            commandReachesTheDevice(harness, simulator);
        } finally {
            broker.start();
            disposeLeavesNothing(harness, threadsBefore);
        }
        assertNothingEscaped(logs);
    }

    @Test
    void brokerKilledMidSessionRecoversWithTheStateTheDeviceHasNow() throws Exception {
        EmbeddedBroker broker = WORLD.world(ROOT).broker();
        DeviceSimulator simulator = WORLD.world(ROOT).device();
        List<String> threadsBefore = threads();
        DeviceHarness harness = startLocal();
        try {
            awaitOnlineWithFreshState(harness, simulator, POWER_KEY);
            commandReachesTheDevice(harness, simulator);

            broker.stop();
            awaitUnreachable(harness, "local device");
            FaultChecks.PendingCommand pending = commandWhileDown(harness, simulator, logs);
            // meanwhile someone uses the remote control
            simulator.changeSilently("nmod", otherNightMode(simulator).toString());
            broker.start();

            awaitOnlineWithFreshState(harness, simulator, POWER_KEY);
            awaitTransport(harness, "LOCAL", "local network");
            pending.assertAppliedOrRefused(logs);
            commandReachesTheDevice(harness, simulator);
        } finally {
            broker.start();
            disposeLeavesNothing(harness, threadsBefore);
        }
        assertNothingEscaped(logs);
    }

    @Test
    void aDeviceThatReconnectsAfterTheBindingIsAskedForItsStateWhenItSaysHello() throws Exception {
        DeviceSimulator simulator = WORLD.world(ROOT).device();
        List<String> threadsBefore = threads();
        // the default poll interval: only the HELLO can explain a quick update
        DeviceHarness harness = HandlerTestWorld
                .device(ROOT, WORLD.localConfig(ROOT, HandlerTestWorld.PASSWORD), null, WORLD.settings()).start();
        try {
            awaitOnlineWithFreshState(harness, simulator, POWER_KEY);
            simulator.close();
            simulator.changeSilently("nmod", otherNightMode(simulator).toString());
            simulator.start(WORLD.world(ROOT).broker().port()); // says HELLO
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(
                    OnOffType.from("ON".equals(simulator.productState().get("nmod"))),
                    harness.state(DysonChannel.NIGHT_MODE)));
        } finally {
            disposeLeavesNothing(harness, threadsBefore);
        }
        assertNothingEscaped(logs);
    }

    @Test
    void aDeviceLeavingItsSessionIsOfflineUntilItReportsAgain() throws Exception {
        DeviceSimulator simulator = WORLD.world(ROOT).device();
        List<String> threadsBefore = threads();
        DeviceHarness harness = startLocal();
        try {
            awaitOnlineWithFreshState(harness, simulator, POWER_KEY);

            simulator.goneAway();
            awaitOffline(harness, ThingStatusDetail.COMMUNICATION_ERROR, "GONE-AWAY");
            FaultChecks.PendingCommand pending = commandWhileDown(harness, simulator, logs);
            simulator.imBack();
            await().atMost(WAIT).until(() -> harness.status() == ThingStatus.ONLINE);
            pending.assertAppliedOrRefused(logs);

            simulator.goodbye();
            awaitOffline(harness, ThingStatusDetail.COMMUNICATION_ERROR, "GOODBYE");
            simulator.hello();
            await().atMost(WAIT).until(() -> harness.status() == ThingStatus.ONLINE);
            // the broker connection itself never broke
            awaitTransport(harness, "LOCAL", "local network");
            commandReachesTheDevice(harness, simulator);
        } finally {
            disposeLeavesNothing(harness, threadsBefore);
        }
        assertNothingEscaped(logs);
    }

    @Test
    void disposeWhileTheBrokerAcceptsButNeverAnswersReturnsPromptly() throws Exception {
        List<String> threadsBefore = threads();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Object> config = WORLD.localConfig(ROOT, HandlerTestWorld.PASSWORD);
            config.put("port", BigDecimal.valueOf(silent.getLocalPort()));
            DeviceHarness harness = HandlerTestWorld.device(ROOT, config, null, WORLD.settings()).start();
            // a Paho client is connecting: its threads run while the CONNECT waits for an answer
            await().atMost(WAIT).until(() -> threads().size() > threadsBefore.size());
            disposeLeavesNothing(harness, threadsBefore);
            int calls = harness.callbackCalls();
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> harness.callbackCalls() == calls);
        }
        assertNothingEscaped(logs);
        assertTrue(logs.lines().stream().noneMatch(line -> line.contains("Exception in thread")));
    }
}
