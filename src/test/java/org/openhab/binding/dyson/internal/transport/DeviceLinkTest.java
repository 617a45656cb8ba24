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
package org.openhab.binding.dyson.internal.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.diagnostics.DeviceDiagnostics;
import org.openhab.binding.dyson.internal.diagnostics.Direction;
import org.openhab.binding.dyson.internal.diagnostics.LinkTransition;
import org.openhab.binding.dyson.internal.diagnostics.QualitySnapshot;
import org.openhab.binding.dyson.internal.diagnostics.Redactor;
import org.openhab.binding.dyson.internal.diagnostics.TrafficRecord;
import org.openhab.binding.dyson.internal.diagnostics.TrafficSubscription;
import org.openhab.binding.dyson.internal.diagnostics.TransportReport;
import org.openhab.binding.dyson.internal.protocol.MessageFactory;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;

/**
 * {@link DeviceLink} end to end: transport choice, fallback and return, credential refresh, reconnects, device
 * reachability and a clean close, against a real broker, the AWS IoT stand-in and a simulated device.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DeviceLinkTest {

    private static final String PASSWORD = "local-secret-475";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ScheduledExecutorService SCHEDULER = new ScheduledThreadPoolExecutor(2);

    private static @Nullable LoopbackWorld world;

    private final RecordingLinkListener listener = new RecordingLinkListener();
    private @Nullable DeviceLink link;

    @BeforeAll
    static void startWorld() throws Exception {
        world = LoopbackWorld.start("475", PASSWORD);
    }

    private static LoopbackWorld world() {
        return nonNull(world);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        nonNull(world).close();
        SCHEDULER.shutdownNow();
    }

    @AfterEach
    void closeLink() {
        DeviceLink current = link;
        if (current != null) {
            current.close();
        }
    }

    private static <T> T nonNull(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    private static DeviceTopics topics() {
        return world().device().topics();
    }

    static LinkSettings fastSettings(int cloudPort) {
        return new LinkSettings(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(100),
                Duration.ofSeconds(1), DeviceConnectionTest.testSettings(cloudPort));
    }

    private DeviceLink startLink(DeviceEndpoint where, CredentialsSource credentials, LinkSettings settings) {
        DeviceLink newLink = new DeviceLink(where, credentials, listener, SCHEDULER, TestWorkers.SHARED, settings);
        link = newLink;
        newLink.start();
        return newLink;
    }

    private DeviceLink startLink(TransportMode mode, boolean cloudPreferred, CredentialsSource credentials) {
        return startLink(endpoint(mode, cloudPreferred, world().broker().port()), credentials,
                fastSettings(world().endpoint().port()));
    }

    private static DeviceEndpoint endpoint(TransportMode mode, boolean cloudPreferred, int localPort) {
        return new DeviceEndpoint(topics().serial(), topics().root(), "127.0.0.1", localPort, mode, cloudPreferred);
    }

    private static TestCredentials credentials(String password, boolean account) {
        return new TestCredentials(world().authority(), topics().serial(),
                new LocalCredentials(topics().serial(), password), account);
    }

    private void awaitTransport(String expected) {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, listener.lastTransport()));
    }

    private void assertFreshDataAndCommands(DeviceLink deviceLink) {
        await().atMost(WAIT).until(() -> listener.received("CURRENT-STATE")
                && listener.received("ENVIRONMENTAL-CURRENT-SENSOR-DATA") && listener.received("CURRENT-FAULTS"));
        await().atMost(WAIT).until(() -> listener.reachability.contains("online"));
        String speed = world().device().productState().get("fnsp").equals("0003") ? "0004" : "0003";
        assertTrue(deviceLink.publish("{\"msg\":\"STATE-SET\",\"time\":\"2025-01-01T12:00:00Z\","
                + "\"mode-reason\":\"LAPP\",\"data\":{\"fnsp\":\"" + speed + "\"}}"));
        await().atMost(WAIT).until(() -> listener.messages.stream()
                .anyMatch(m -> m.contains("STATE-CHANGE") && m.contains("\"" + speed + "\"]")));
    }

    @Test
    void autoWithTheWssFlagGoesCloud() {
        TestCredentials credentials = credentials(PASSWORD, true);
        DeviceLink deviceLink = startLink(TransportMode.AUTO, true, credentials);
        awaitTransport("CLOUD: account marks device as cloud (wss)");
        assertEquals(TransportKind.CLOUD, deviceLink.transport());
        assertFreshDataAndCommands(deviceLink);
        assertEquals(1, credentials.fetches());
        await().atMost(WAIT).until(() -> ThreadCounts.paho() <= 4);
        assertTrue(world().device().receivedCommands().containsAll(List.of(
                MessageFactory.REQUEST_CURRENT_STATE, MessageFactory.REQUEST_ENVIRONMENT,
                MessageFactory.REQUEST_CURRENT_FAULTS, "STATE-SET")));
    }

    @Test
    void autoWithoutTheFlagGoesLocal() {
        TestCredentials credentials = credentials(PASSWORD, true);
        DeviceLink deviceLink = startLink(TransportMode.AUTO, false, credentials);
        awaitTransport("LOCAL: local network");
        assertFreshDataAndCommands(deviceLink);
        assertEquals(0, credentials.fetches(), "no cloud credentials needed");
        await().atMost(WAIT).until(() -> ThreadCounts.paho() <= 3);
    }

    @Test
    void autoWithoutLocalCredentialsGoesCloud() {
        TestCredentials credentials = new TestCredentials(world().authority(), topics().serial(), null, true);
        startLink(TransportMode.AUTO, false, credentials);
        awaitTransport("CLOUD: no local credentials: cloud");
    }

    @Test
    void autoWithoutAHostGoesCloud() {
        startLink(new DeviceEndpoint(topics().serial(), topics().root(), null, 1883, TransportMode.AUTO, false),
                credentials(PASSWORD, true), fastSettings(world().endpoint().port()));
        awaitTransport("CLOUD: no local host known: cloud");
    }

    @Test
    void aWrongLocalPasswordFallsBackToTheCloud() {
        startLink(TransportMode.AUTO, false, credentials("wrong", true));
        awaitTransport("CLOUD: fallback: local broker refused: bad credentials");
    }

    @Test
    void localModeWithAWrongPasswordReportsTheRefusal() {
        int attemptsBefore = world().broker().connectAttempts();
        DeviceLink deviceLink = startLink(TransportMode.LOCAL, false, credentials("wrong", true));
        awaitTransport("NONE: local broker refused: bad credentials");
        await().atMost(WAIT).until(() -> world().broker().connectAttempts() - attemptsBefore >= 3);
        assertEquals(List.of("NONE: local broker refused: bad credentials"), listener.transports,
                "retries with back-off, reported once");
        assertFalse(deviceLink.publish("{\"msg\":\"REQUEST-CURRENT-STATE\"}"), "no transport, no publish");
    }

    @Test
    void credentialsAreFetchedAgainAfterARefusal() {
        int refusedBefore = world().endpoint().upgradesRefused();
        TestCredentials credentials = credentials(PASSWORD, true).staleFirst(1);
        startLink(TransportMode.CLOUD, false, credentials);
        awaitTransport("CLOUD: configured: cloud");
        assertEquals("NONE: cloud endpoint refused the WebSocket upgrade (credentials?)", listener.transports.get(0));
        assertEquals(2, credentials.fetches());
        assertEquals(refusedBefore + 1, world().endpoint().upgradesRefused());
    }

    @Test
    void revokedGrantsLeadToAFreshFetchAndAReconnect() throws Exception {
        TestCredentials credentials = credentials(PASSWORD, true);
        startLink(TransportMode.CLOUD, false, credentials);
        awaitTransport("CLOUD: configured: cloud");
        world().authority().revokeAll();
        // AWS drops every session (as it does at its maximum duration or whenever it likes)
        world().endpoint().dropSessions();
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of("CLOUD: configured: cloud",
                "NONE: connection to the cloud endpoint lost", "CLOUD: configured: cloud"), listener.transports));
        assertEquals(2, credentials.fetches());
    }

    @Test
    void aSessionPastItsMaximumDurationComesBackWithFreshCredentials() throws Exception {
        AwsIotEndpointStandIn endpoint = world().endpoint();
        Duration usual = endpoint.maxSessionDuration();
        endpoint.maxSessionDuration(Duration.ofSeconds(2));
        try {
            TestCredentials credentials = credentials(PASSWORD, true);
            startLink(TransportMode.CLOUD, false, credentials);
            awaitTransport("CLOUD: configured: cloud");
            endpoint.maxSessionDuration(usual);
            await().atMost(WAIT).until(() -> endpoint.sessionsDropped(AwsIotEndpointStandIn.Drop.MAX_DURATION) > 0);
            await().atMost(WAIT).until(() -> credentials.fetches() == 2
                    && "CLOUD: configured: cloud".equals(listener.lastTransport()));
            assertTrue(listener.transports.contains("NONE: connection to the cloud endpoint lost"));
        } finally {
            endpoint.maxSessionDuration(usual);
        }
    }

    @Test
    void aDeviceBackBehindTheCloudIsAskedForItsStateAtOnce() {
        startLink(TransportMode.CLOUD, false, credentials(PASSWORD, true));
        awaitTransport("CLOUD: configured: cloud");
        await().atMost(WAIT).until(() -> listener.reachability.equals(List.of("online")));
        world().device().goneAway();
        await().atMost(WAIT).until(
                () -> listener.reachability.equals(List.of("online", "offline: device reports GONE-AWAY")));
        long requestsBefore = world().device().receivedCount("REQUEST-CURRENT-STATE");
        world().device().hello();
        await().atMost(WAIT).until(() -> world().device().receivedCount("REQUEST-CURRENT-STATE") > requestsBefore);
        await().atMost(WAIT).until(() -> listener.reachability.equals(List.of("online",
                "offline: device reports GONE-AWAY", "online")));
    }

    @Test
    void deviceGoneAwayIsReportedUntilItIsBack() {
        startLink(TransportMode.LOCAL, false, credentials(PASSWORD, false));
        awaitTransport("LOCAL: configured: local");
        await().atMost(WAIT).until(() -> listener.reachability.equals(List.of("online")));
        world().device().goneAway();
        await().atMost(WAIT).until(
                () -> listener.reachability.equals(List.of("online", "offline: device reports GONE-AWAY")));
        world().device().imBack();
        await().atMost(WAIT).until(() -> listener.reachability.size() == 3);
        world().device().goodbye();
        await().atMost(WAIT).until(() -> listener.reachability.size() == 4);
        assertTrue(nonNull(link).requestCurrentData());
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of("online", "offline: device reports GONE-AWAY",
                "online", "offline: device reports GOODBYE", "online"), listener.reachability));
    }

    @Test
    void cloudDownFallsBackToLocalAndReturnsToTheCloud() throws Exception {
        try (AwsIotEndpointStandIn ownEndpoint = new AwsIotEndpointStandIn(world().authority(),
                world().broker().port())) {
            ownEndpoint.start();
            int port = ownEndpoint.port();
            ownEndpoint.stop();
            startLink(endpoint(TransportMode.AUTO, true, world().broker().port()), credentials(PASSWORD, true),
                    fastSettings(port));
            awaitTransport("LOCAL: fallback: cloud endpoint unreachable");
            ownEndpoint.start();
            awaitTransport("CLOUD: back to the preferred transport: account marks device as cloud (wss)");
            assertEquals(List.of("LOCAL: fallback: cloud endpoint unreachable",
                    "CLOUD: back to the preferred transport: account marks device as cloud (wss)"),
                    listener.transports, "no flapping");
            assertTrue(listener.received("CURRENT-STATE"));
        }
    }

    @Test
    void aBrokerRestartReconnectsWithoutAStorm() throws Exception {
        DeviceSimulator simulator = DeviceSimulator.forRoot("664");
        try (EmbeddedBroker ownBroker = new EmbeddedBroker()
                .addAccount(simulator.topics().serial(), PASSWORD).start(); simulator) {
            simulator.start(ownBroker.port());
            DeviceEndpoint where = new DeviceEndpoint(simulator.topics().serial(), "664", "127.0.0.1",
                    ownBroker.port(), TransportMode.LOCAL, false);
            startLink(where, new TestCredentials(world().authority(), simulator.topics().serial(),
                    new LocalCredentials(simulator.topics().serial(), PASSWORD), false),
                    fastSettings(world().endpoint().port()));
            awaitTransport("LOCAL: configured: local");
            int attemptsBefore = ownBroker.connectAttempts();
            ownBroker.restart();
            await().atMost(WAIT).until(() -> listener.transports.size() >= 3
                    && "LOCAL: configured: local".equals(listener.lastTransport()));
            assertEquals("NONE: connection to the local device lost (127.0.0.1:" + ownBroker.port() + ")",
                    listener.transports.get(1));
            int attempts = ownBroker.connectAttempts() - attemptsBefore;
            assertTrue(attempts >= 1 && attempts <= 3, "reconnect attempts: " + attempts);
            await().atMost(WAIT).until(() -> listener.received("CURRENT-STATE"));
        }
    }

    @Test
    void closingDuringAConnectLeavesNothingRunning() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            DeviceLink deviceLink = startLink(endpoint(TransportMode.LOCAL, false, silent.getLocalPort()),
                    credentials(PASSWORD, false), fastSettings(world().endpoint().port()));
            await().atMost(WAIT).until(() -> ThreadCounts.paho() > 0);
            deviceLink.close();
            assertEquals(List.of(), ThreadCounts.pahoNames());
            assertFalse(deviceLink.publish("{}"));
            assertEquals(TransportKind.NONE, deviceLink.transport());
        }
    }

    @Test
    void withoutAnyPathTheLinkSaysWhy() {
        startLink(new DeviceEndpoint(topics().serial(), topics().root(), null, 1883, TransportMode.AUTO, false),
                new TestCredentials(world().authority(), topics().serial(), null, false),
                fastSettings(world().endpoint().port()));
        awaitTransport("NONE: no local host and no cloud account");
    }

    @Test
    void theObserverSeesTransitionsReportsAndMessagesBothWays() {
        DeviceDiagnostics diagnostics = new DeviceDiagnostics(Redactor.none());
        DeviceLink deviceLink = new DeviceLink(endpoint(TransportMode.LOCAL, false, world().broker().port()),
                credentials(PASSWORD, false), listener, SCHEDULER, TestWorkers.SHARED,
                fastSettings(world().endpoint().port()), diagnostics);
        link = deviceLink;
        try (TrafficSubscription traffic = diagnostics.tap().attach()) {
            deviceLink.start();
            awaitTransport("LOCAL: configured: local");
            List<TrafficRecord> seen = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                TrafficRecord next;
                while ((next = traffic.poll()) != null) {
                    seen.add(next);
                }
                return seen.stream().anyMatch(r -> r.direction() == Direction.IN
                        && r.topic().equals(topics().current()) && r.payload().contains("CURRENT-STATE"));
            });
            assertTrue(seen.stream().anyMatch(r -> r.direction() == Direction.OUT
                    && r.topic().equals(topics().command())
                    && r.payload().contains(MessageFactory.REQUEST_CURRENT_STATE)));
        }
        QualitySnapshot snapshot = diagnostics.snapshot();
        assertEquals(List.of(LinkState.CONNECTING, LinkState.CONNECTED),
                snapshot.transitions().stream().map(LinkTransition::to).toList());
        assertEquals("connected over LOCAL (configured: local)", snapshot.transitions().get(1).reason());
        TransportReport report = snapshot.transport();
        assertNotNull(report);
        assertEquals(TransportKind.LOCAL, report.kind());
        assertEquals(-63, snapshot.wifiSignal(), "the 475's rssi");
        assertNotNull(snapshot.lastMessageReceived());
    }

    @Test
    void reconnectNowDropsTheConnectionAndConnectsAgainWithoutWaitingForTheBackoff() {
        DeviceDiagnostics diagnostics = new DeviceDiagnostics(Redactor.none());
        // with back-off delays this long, the reconnect would take 30 s (the cap for a path that worked)
        LinkSettings slow = new LinkSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(5), DeviceConnectionTest.testSettings(world().endpoint().port()));
        DeviceLink deviceLink = new DeviceLink(endpoint(TransportMode.LOCAL, false, world().broker().port()),
                credentials(PASSWORD, false), listener, SCHEDULER, TestWorkers.SHARED, slow, diagnostics);
        link = deviceLink;
        deviceLink.start();
        awaitTransport("LOCAL: configured: local");
        int attempts = deviceLink.connectAttemptNanos().size();

        deviceLink.reconnectNow("reconnect requested");

        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of("LOCAL: configured: local",
                "NONE: reconnect requested", "LOCAL: configured: local"), listener.transports));
        assertEquals(attempts + 1, deviceLink.connectAttemptNanos().size());
        assertEquals(1, diagnostics.snapshot().reconnectsLastDay());
        assertTrue(diagnostics.snapshot().transitions().stream()
                .anyMatch(t -> t.to() == LinkState.BACKING_OFF && "reconnect requested".equals(t.reason())));
    }

    @Test
    void reconnectNowDoesNothingToALinkNotStartedOrClosed() {
        DeviceDiagnostics diagnostics = new DeviceDiagnostics(Redactor.none());
        DeviceLink deviceLink = new DeviceLink(endpoint(TransportMode.LOCAL, false, world().broker().port()),
                credentials(PASSWORD, false), listener, SCHEDULER, TestWorkers.SHARED,
                fastSettings(world().endpoint().port()), diagnostics);
        link = deviceLink;
        deviceLink.reconnectNow("reconnect requested");
        deviceLink.close();
        deviceLink.reconnectNow("reconnect requested");

        await().atMost(WAIT).until(() -> deviceLink.state() == LinkState.CLOSED);
        assertEquals(List.of(LinkState.CLOSED), diagnostics.snapshot().transitions().stream().map(LinkTransition::to)
                .toList());
        assertEquals(List.of(), listener.transports);
    }
}
