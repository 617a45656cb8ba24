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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.WAIT;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.assertNothingEscaped;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitOnlineWithFreshState;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitTransport;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.commandReachesTheDevice;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.disposeLeavesNothing;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.otherNightMode;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.reasonsShown;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.threads;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.LocalPathRelay;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * The transport preferences {@code local-first} and {@code cloud-first} through a real {@link DysonDeviceHandler} under
 * a real {@link DysonAccountHandler}, against the loopback world: the simulated device on the embedded broker, reached
 * locally through a {@link LocalPathRelay} (which can take the local path away while the device stays connected) and
 * over the cloud through the AWS IoT endpoint stand-in. The account lists the device as the real one does ({@code wss}
 * for {@code local-first}, to show the preference beats it).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class TransportPreferenceTest {

    private static final String ROOT = "520";
    private static final String POWER_KEY = "fpwr";
    private static final HandlerTestWorld WORLD = new HandlerTestWorld(ROOT);
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private List<String> threadsBefore = List.of();
    private @Nullable DeviceHarness device;
    private HandlerTestWorld.@Nullable Account account;
    private @Nullable LocalPathRelay relay;

    @BeforeEach
    void noteThreads() {
        threadsBefore = threads();
    }

    @AfterEach
    void disposeAll() throws Exception {
        DeviceHarness harness = device;
        if (harness != null) {
            disposeLeavesNothing(harness, threadsBefore);
        }
        HandlerTestWorld.Account current = account;
        if (current != null) {
            current.close();
        }
        LocalPathRelay currentRelay = relay;
        if (currentRelay != null) {
            currentRelay.close();
        }
        endpoint().start(); // a no-op unless a case stopped it
        assertNothingEscaped(logs);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        WORLD.close();
    }

    private static DeviceSimulator simulator() throws Exception {
        return WORLD.world(ROOT).device();
    }

    private static AwsIotEndpointStandIn endpoint() throws Exception {
        return WORLD.world(ROOT).endpoint();
    }

    /** A logged-in account listing the simulated device with this broker type. */
    private HandlerTestWorld.Account loggedIn(StandInDevice listed) throws Exception {
        HandlerTestWorld.Account created = WORLD
                .account("preference-" + ACCOUNTS.incrementAndGet() + "@example.com", listed).logIn();
        account = created;
        return created;
    }

    /** A device thing under {@code under} with this transport, reaching the device locally through a relay. */
    private DeviceHarness startUnder(HandlerTestWorld.Account under, String transport) throws Exception {
        LocalPathRelay newRelay = new LocalPathRelay(WORLD.world(ROOT).broker().port());
        relay = newRelay;
        Map<String, Object> config = WORLD.bridgedConfig();
        config.put("port", BigDecimal.valueOf(newRelay.port()));
        config.put("transport", transport);
        DeviceHarness harness = HandlerTestWorld.device(ROOT, config, under, WORLD.settings());
        device = harness;
        return harness.start();
    }

    private LocalPathRelay relay() {
        return DeviceHarness.nonNull(relay);
    }

    /** ONLINE with the device's current state, without a status text, and a command gets through. */
    private static void awaitWorking(DeviceHarness harness) throws Exception {
        awaitOnlineWithFreshState(harness, simulator(), POWER_KEY);
        assertNull(harness.statusInfo().getDescription(), harness.statusInfo().toString());
        commandReachesTheDevice(harness, simulator());
    }

    @Test
    void localFirstConnectsLocallyAlthoughTheAccountMarksTheDeviceAsACloudDevice() throws Exception {
        int upgrades = endpoint().upgradesAccepted();
        DeviceHarness harness = startUnder(loggedIn(WORLD.listedDevice("wss")), "local-first");
        awaitTransport(harness, "LOCAL", "configured: local first");
        awaitWorking(harness);
        assertEquals(upgrades, endpoint().upgradesAccepted(), "the cloud was never needed");
    }

    @Test
    void localFirstFallsBackToTheCloudWhileTheLocalPathIsDownAndReturns() throws Exception {
        DeviceHarness harness = startUnder(loggedIn(WORLD.listedDevice("wss")), "local-first");
        awaitTransport(harness, "LOCAL", "configured: local first");
        awaitWorking(harness);

        // the remote control changes the device unseen: only a fresh connection's state request shows it
        simulator().changeSilently("nmod", otherNightMode(simulator()).toString());
        relay().down();
        awaitTransport(harness, "CLOUD", "fallback: local device unreachable (127.0.0.1:" + relay().port() + ")");
        awaitWorking(harness);

        relay().up();
        awaitTransport(harness, "LOCAL", "back to the preferred transport: configured: local first");
        awaitWorking(harness);
        List<String> reasons = reasonsShown(harness);
        assertEquals("back to the preferred transport: configured: local first", reasons.get(reasons.size() - 1));
        assertEquals(1, reasons.stream().filter(reason -> reason.startsWith("back to")).count(), reasons.toString());
    }

    @Test
    void cloudFirstFallsBackToTheLocalPathWhileTheCloudIsDownAndReturns() throws Exception {
        // the account says nothing of the cloud: the preference alone puts it first
        DeviceHarness harness = startUnder(loggedIn(WORLD.listedDevice(null)), "cloud-first");
        awaitTransport(harness, "CLOUD", "configured: cloud first");
        awaitWorking(harness);

        simulator().changeSilently("nmod", otherNightMode(simulator()).toString());
        endpoint().stop();
        awaitTransport(harness, "LOCAL", "fallback: cloud endpoint");
        awaitWorking(harness);

        endpoint().start();
        awaitTransport(harness, "CLOUD", "back to the preferred transport: configured: cloud first");
        awaitWorking(harness);
    }

    @Test
    void localFirstWithoutLocalCredentialsUsesTheCloudAndSaysSo() throws Exception {
        StandInDevice cloudOnly = WORLD.listedDevice("wss");
        cloudOnly = new StandInDevice(cloudOnly.serial(), cloudOnly.name(), cloudOnly.type(), cloudOnly.variant(),
                cloudOnly.model(), cloudOnly.productName(), cloudOnly.connectionCategory(), cloudOnly.connected(),
                cloudOnly.mqttRootTopicLevel(), cloudOnly.remoteBrokerType(), null, cloudOnly.capabilities());
        DeviceHarness harness = startUnder(loggedIn(cloudOnly), "local-first");
        awaitTransport(harness, "CLOUD", "local first not possible (no local credentials): cloud");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(new ThingStatusInfo(ThingStatus.ONLINE,
                ThingStatusDetail.NONE, "@text/online.device.local-first-no-credentials"), harness.statusInfo()));
        commandReachesTheDevice(harness, simulator());
    }

    @Test
    void cloudFirstWithoutAnAccountUsesTheLocalPathAndSaysSo() throws Exception {
        Map<String, Object> config = WORLD.localConfig(ROOT, HandlerTestWorld.PASSWORD);
        config.put("transport", "Cloud-First");
        DeviceHarness harness = HandlerTestWorld.device(ROOT, config, null, WORLD.settings());
        device = harness;
        harness.start();
        awaitTransport(harness, "LOCAL", "cloud first not possible (no cloud account): local");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(new ThingStatusInfo(ThingStatus.ONLINE,
                ThingStatusDetail.NONE, "@text/online.device.cloud-first-no-account"), harness.statusInfo()));
        commandReachesTheDevice(harness, simulator());
    }

    @Test
    void anUnknownTransportIsAConfigurationError() throws Exception {
        Map<String, Object> config = WORLD.localConfig(ROOT, HandlerTestWorld.PASSWORD);
        config.put("transport", "local_first");
        DeviceHarness harness = HandlerTestWorld.device(ROOT, config, null, WORLD.settings());
        device = harness;
        harness.start();
        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.device.bad-transport"), harness.statusInfo());
        assertTrue(harness.states.isEmpty(), "nothing connects");
    }
}
