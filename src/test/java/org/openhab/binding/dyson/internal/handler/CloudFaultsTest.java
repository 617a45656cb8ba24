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
import static org.mockito.Mockito.mockingDetails;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.WAIT;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.assertNothingEscaped;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitOffline;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitOnlineWithFreshState;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitReasonShown;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitTransport;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.awaitUnreachable;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.commandReachesTheDevice;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.commandWhileDown;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.disposeLeavesNothing;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.otherNightMode;
import static org.openhab.binding.dyson.internal.handler.FaultChecks.threads;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestPki;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

/**
 * Faults of the cloud path (issue 8): a real {@link DysonAccountHandler} logged in to the Dyson cloud stand-in and a
 * real {@link DysonDeviceHandler} with {@code transport=cloud} (so no local fallback hides a fault) reaching the
 * simulated device through the AWS IoT endpoint stand-in. Each case shows the reason, then recovers by itself once
 * the fault ends (or, for a rejected account token, once the user enters the e-mailed code).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class CloudFaultsTest {

    private static final String ROOT = "520";
    private static final String POWER_KEY = "fpwr";
    private static final String UPGRADE_REFUSED = "refused the WebSocket upgrade";
    private static final String NO_CREDENTIALS = "cloud credentials unavailable";
    private static final HandlerTestWorld WORLD = new HandlerTestWorld(ROOT);
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private List<String> threadsBefore = List.of();
    private @Nullable DeviceHarness device;
    private HandlerTestWorld.@Nullable Account account;

    @BeforeEach
    void noteThreads() {
        threadsBefore = threads();
    }

    @AfterEach
    void disposeAll() {
        DeviceHarness harness = device;
        if (harness != null) {
            disposeLeavesNothing(harness, threadsBefore);
        }
        HandlerTestWorld.Account current = account;
        if (current != null) {
            current.close();
        }
        assertNothingEscaped(logs);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        WORLD.close();
    }

    /** A new account (each case its own session and token) listing the device as a cloud device. */
    private HandlerTestWorld.Account newAccount() throws Exception {
        HandlerTestWorld.Account created = WORLD.account("faults-" + ACCOUNTS.incrementAndGet() + "@example.com",
                WORLD.listedDevice("wss"));
        account = created;
        return created;
    }

    private DeviceHarness startCloudDevice(HandlerTestWorld.Account under) throws Exception {
        Map<String, Object> config = WORLD.bridgedConfig();
        config.put("transport", "cloud");
        DeviceHarness harness = HandlerTestWorld.device(ROOT, config, under, WORLD.settings());
        device = harness;
        return harness.start();
    }

    private static DeviceSimulator simulator() throws Exception {
        return WORLD.world(ROOT).device();
    }

    private static AwsIotEndpointStandIn endpoint() throws Exception {
        return WORLD.world(ROOT).endpoint();
    }

    /** ONLINE over the cloud with the device's state, and a command gets through. */
    private static void awaitWorkingOverTheCloud(DeviceHarness harness) throws Exception {
        awaitOnlineWithFreshState(harness, simulator(), POWER_KEY);
        awaitTransport(harness, "CLOUD", "configured: cloud");
        commandReachesTheDevice(harness, simulator());
    }

    @Test
    void anUpgradeRefusedWith401ShowsTheReasonAndRecovers() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        endpoint().refuseNextUpgrades(401, 3);
        DeviceHarness harness = startCloudDevice(under);
        awaitReasonShown(harness, UPGRADE_REFUSED);
        awaitWorkingOverTheCloud(harness);
    }

    @Test
    void aRevokedGrantIsRefusedWith403UntilFreshCredentialsAreIssued() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        DeviceHarness harness = startCloudDevice(under);
        awaitWorkingOverTheCloud(harness);
        int refusedBefore = endpoint().upgradesRefused();

        // AWS drops the session and no longer admits the grant (its signature is no longer valid)
        WORLD.world(ROOT).authority().revokeAll();
        endpoint().stop();
        endpoint().start();
        awaitReasonShown(harness, UPGRADE_REFUSED);
        assertTrue(endpoint().upgradesRefused() > refusedBefore, "the stand-in refused the old grant");
        FaultChecks.PendingCommand pending = commandWhileDown(harness, simulator(), logs);
        simulator().changeSilently("nmod", otherNightMode(simulator()).toString());

        awaitWorkingOverTheCloud(harness);
        pending.assertAppliedOrRefused(logs);
    }

    @Test
    void aRefusedGrantIsNotPresentedAgain() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        DeviceHarness harness = startCloudDevice(under);
        awaitWorkingOverTheCloud(harness);
        String serial = simulator().topics().serial();
        String refusedGrant = DeviceHarness.nonNull(WORLD.cloud().lastGrant(serial)).tokenValue();
        int refusedBefore = endpoint().upgradesRefused();

        WORLD.world(ROOT).authority().revokeAll();
        endpoint().stop();
        endpoint().start();
        await().atMost(WAIT).until(() -> endpoint().upgradesRefused() > refusedBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> harness.status() == ThingStatus.ONLINE);
        assertEquals(refusedBefore + 1, endpoint().upgradesRefused(), "the refused grant was presented once");
        assertTrue(!refusedGrant.equals(DeviceHarness.nonNull(WORLD.cloud().lastGrant(serial)).tokenValue()));
    }

    @Test
    void aCertificateForAnotherHostNameIsNamedAsSuch() throws Exception {
        DysonCloudStandIn cloud = WORLD.cloud();
        cloud.useIotEndpoint(TestPki.UNCERTIFIED_HOST);
        try {
            HandlerTestWorld.Account under = newAccount().logIn();
            DeviceHarness harness = startCloudDevice(under);
            // AWS (and the stand-in) refuse a handshake for a name they do not serve; a front that serves any name
            // with the wrong certificate gives "TLS: host name mismatch" (DeviceConnectionTest)
            awaitUnreachable(harness, "TLS: handshake failed");
        } finally {
            cloud.useIotEndpoint(TestPki.IOT_ENDPOINT);
        }
    }

    @Test
    void aTokenRejectedMidSessionAsksForANewCodeAndTheDeviceSaysWhy() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        DeviceHarness harness = startCloudDevice(under);
        awaitWorkingOverTheCloud(harness);

        WORLD.cloud().revokeTokens();
        under.handler.refreshDevicesSoon(); // as the periodic device list refresh does
        await().atMost(WAIT).until(() -> under.bridge.getStatusInfo().getStatusDetail()
                == ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals(ThingStatus.OFFLINE, under.bridge.getStatus());
        assertTrue(String.valueOf(under.bridge.getStatusInfo().getDescription()).contains("token-invalid"),
                under.bridge.getStatusInfo().toString());

        // the device's AWS session ends; a new one needs IoT credentials, which only a logged-in account gets: the
        // account is the device's only path, so the account is named as the problem
        endpoint().stop();
        endpoint().start();
        awaitBridgeOffline(harness);
        awaitTransport(harness, "NONE", "account");
        FaultChecks.PendingCommand pending = commandWhileDown(harness, simulator(), logs);

        // the user enters the code Dyson e-mailed
        String code = DeviceHarness.nonNull(WORLD.cloud().lastCodeFor(under.email));
        under.handler.handleConfigurationUpdate(Map.of("otpCode", code));
        await().atMost(WAIT).until(() -> under.bridge.getStatus() == ThingStatus.ONLINE);
        awaitWorkingOverTheCloud(harness);
        pending.assertAppliedOrRefused(logs);
    }

    /** OFFLINE (BRIDGE_OFFLINE) saying the account is the problem, with the link's reason; NONE on the channel. */
    private static void awaitBridgeOffline(DeviceHarness harness) {
        awaitOffline(harness, ThingStatusDetail.BRIDGE_OFFLINE, NO_CREDENTIALS);
        assertTrue(String.valueOf(harness.statusInfo().getDescription())
                .startsWith("@text/offline.device.account-offline ["), harness.statusInfo().toString());
        awaitTransport(harness, "NONE", NO_CREDENTIALS);
    }

    @Test
    void aDeviceWithoutALocalPasswordUnderAnOfflineAccountIsBridgeOfflineUntilTheAccountIsBack() throws Exception {
        // not marked wss: only the missing local password keeps auto off the local path
        StandInDevice listed = WORLD.listedDevice(null);
        StandInDevice cloudOnly = new StandInDevice(listed.serial(), listed.name(), listed.type(), listed.variant(),
                listed.model(), listed.productName(), listed.connectionCategory(), listed.connected(),
                listed.mqttRootTopicLevel(), listed.remoteBrokerType(), null, listed.capabilities());
        HandlerTestWorld.Account under = WORLD.account("faults-" + ACCOUNTS.incrementAndGet() + "@example.com",
                cloudOnly);
        account = under;
        under.logIn();
        // transport auto, a local host configured
        DeviceHarness harness = HandlerTestWorld.device(ROOT, WORLD.bridgedConfig(), under, WORLD.settings());
        device = harness;
        harness.start();
        awaitOnlineWithFreshState(harness, simulator(), POWER_KEY);
        awaitTransport(harness, "CLOUD", "no local credentials: cloud");

        WORLD.cloud().revokeTokens();
        under.handler.refreshDevicesSoon();
        await().atMost(WAIT).until(() -> under.bridge.getStatus() == ThingStatus.OFFLINE);
        // AWS keeps the session: the device stays ONLINE while it lasts
        assertEquals(ThingStatus.ONLINE, harness.status(), harness.statusInfo().toString());
        endpoint().stop();
        endpoint().start();
        awaitBridgeOffline(harness);

        String code = DeviceHarness.nonNull(WORLD.cloud().lastCodeFor(under.email));
        under.handler.handleConfigurationUpdate(Map.of("otpCode", code));
        awaitOnlineWithFreshState(harness, simulator(), POWER_KEY);
        awaitTransport(harness, "CLOUD", "no local credentials: cloud");
    }

    @Test
    void aDeviceWithALocalPathIsNotBlamedOnTheAccount() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        Map<String, Object> config = WORLD.bridgedConfig();
        config.put("transport", "local");
        config.put("port", BigDecimal.valueOf(closedPort()));
        DeviceHarness harness = HandlerTestWorld.device(ROOT, config, under, WORLD.settings());
        device = harness;
        harness.start();
        awaitUnreachable(harness, "local device unreachable");
        WORLD.cloud().revokeTokens();
        under.handler.refreshDevicesSoon();
        await().atMost(WAIT).until(() -> under.bridge.getStatus() == ThingStatus.OFFLINE);
        // the account going OFFLINE changes nothing for a device it is not the path to
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() -> assertEquals(
                ThingStatusDetail.COMMUNICATION_ERROR, harness.statusInfo().getStatusDetail()));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void rateLimitedIotCredentialsShowTheReasonAndRecover() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        WORLD.cloud().failNext(DysonCloudStandIn.PATH_IOT_CREDENTIALS, 429, 3);
        DeviceHarness harness = startCloudDevice(under);
        awaitReasonShown(harness, NO_CREDENTIALS);
        awaitReasonShown(harness, "rate limited");
        awaitWorkingOverTheCloud(harness);
        assertEquals(ThingStatus.ONLINE, under.bridge.getStatus(), "a 429 on IoT credentials is no login problem");
    }

    @Test
    void serverErrorsOnIotCredentialsShowTheReasonAndRecover() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        WORLD.cloud().failNext(DysonCloudStandIn.PATH_IOT_CREDENTIALS, 503, 3);
        DeviceHarness harness = startCloudDevice(under);
        awaitReasonShown(harness, NO_CREDENTIALS);
        awaitReasonShown(harness, "503");
        awaitWorkingOverTheCloud(harness);
    }

    @Test
    void aServerErrorOnTheDeviceListDuringLoginIsRetriedAndTheDeviceConnects() throws Exception {
        HandlerTestWorld.Account under = newAccount();
        WORLD.cloud().failNext(DysonCloudStandIn.PATH_MANIFEST, 500, 1);
        DeviceHarness harness = startCloudDevice(under);
        under.logIn();
        List<ThingStatusInfo> shown = mockingDetails(under.callback).getInvocations().stream()
                .filter(call -> "statusUpdated".equals(call.getMethod().getName()))
                .map(call -> call.<ThingStatusInfo> getArgument(1)).toList();
        assertTrue(shown.stream().anyMatch(info -> info.getStatusDetail() == ThingStatusDetail.COMMUNICATION_ERROR
                && String.valueOf(info.getDescription()).contains("cloud-error")), shown.toString());
        awaitWorkingOverTheCloud(harness);
    }

    @Test
    void aMebibyteFromTheDeviceCrossesTheWebSocketAndChangesNothing() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        DeviceHarness harness = startCloudDevice(under);
        awaitWorkingOverTheCloud(harness);
        int statuses = harness.statuses.size();
        String big = "{\"msg\":\"STATE-CHANGE\",\"product-state\":{},\"padding\":\"" + "a".repeat(1024 * 1024)
                + "\"}";
        simulator().publishRaw(simulator().topics().current(), big.getBytes(StandardCharsets.UTF_8));
        // the answer to this command comes after the big message: it crossed (or was dropped) and the link lives
        commandReachesTheDevice(harness, simulator());
        assertEquals(List.of(), harness.statuses.subList(statuses, harness.statuses.size()).stream()
                .filter(info -> info.getStatus() != ThingStatus.ONLINE).toList(), "never OFFLINE");
        awaitTransport(harness, "CLOUD", "configured: cloud");
    }

    @Test
    void aCloudApiTimeOutShowsTheReasonAndRecovers() throws Exception {
        HandlerTestWorld.Account under = newAccount().logIn();
        // the binding gives a cloud call 15 s
        WORLD.cloud().delayNext(DysonCloudStandIn.PATH_IOT_CREDENTIALS, Duration.ofSeconds(17), 1);
        DeviceHarness harness = startCloudDevice(under);
        awaitReasonShown(harness, "timed out");
        awaitWorkingOverTheCloud(harness);
    }
}
