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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.cloud.DysonAccountSession;
import org.openhab.binding.dyson.internal.cloud.DysonAccountSession.LoginStep;
import org.openhab.binding.dyson.internal.cloud.DysonCloudClient;
import org.openhab.binding.dyson.internal.cloud.DysonCloudException;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.testworld.DysonTestWorld.SimulatedDevice;
import org.openhab.binding.dyson.internal.transport.CredentialsSource;
import org.openhab.binding.dyson.internal.transport.CredentialsUnavailableException;
import org.openhab.binding.dyson.internal.transport.DeviceEndpoint;
import org.openhab.binding.dyson.internal.transport.DeviceLink;
import org.openhab.binding.dyson.internal.transport.DeviceLinkListener;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.binding.dyson.internal.transport.TransportKind;
import org.openhab.binding.dyson.internal.transport.TransportMode;
import org.openhab.binding.dyson.internal.transport.TransportSettings;

/**
 * The standalone simulator started in-process on free ports: a local-only client and a cloud client (logged in
 * with the printed code through the real {@link DysonAccountSession}) see state, control a simulated device and see
 * its sensors move; closing the world leaves no thread and no port behind.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonTestWorldTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CODE_LINE = Pattern
            .compile("E-mail to " + Pattern.quote(DysonTestWorld.EMAIL) + ": your code is (\\d{6})");

    private static final List<String> CONSOLE = new CopyOnWriteArrayList<>();
    private static @Nullable DysonTestWorld world;
    private static @Nullable ScheduledExecutorService scheduler;
    private static @TempDir @Nullable Path directory;

    private final List<DeviceLink> links = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startWorld() throws Exception {
        scheduler = new ScheduledThreadPoolExecutor(2);
        world = DysonTestWorld.start(
                SimulatorOptions.anyPorts(List.of("475", "527K"), Duration.ofMillis(100), nonNull(directory)),
                CONSOLE::add);
    }

    @AfterAll
    static void stopWorld() {
        nonNull(world).close();
        nonNull(scheduler).shutdownNow();
    }

    @AfterEach
    void closeLinks() {
        links.forEach(DeviceLink::close);
    }

    private static <T> T nonNull(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    private static SimulatedDevice device(String family) {
        return nonNull(world).devices().stream().filter(d -> d.productType().rootTopic().equals(family)).findFirst()
                .orElseThrow();
    }

    /** Where a local-only device thing finds the device: host 127.0.0.1 and the printed port. */
    private static DeviceEndpoint localEndpoint(SimulatedDevice device) {
        return new DeviceEndpoint(device.serial(), device.productType().rootTopic(), DysonTestWorld.HOST,
                nonNull(world).brokerPort(), TransportMode.LOCAL, false);
    }

    private DeviceLink startLink(DeviceEndpoint where, CredentialsSource credentials, Recorder recorder) {
        LinkSettings settings = new LinkSettings(Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMillis(100), Duration.ofSeconds(1),
                TransportSettings.DEFAULT.withCloud(nonNull(world).iotPort(), TestPki.get().clientContext()));
        DeviceLink link = new DeviceLink(where, credentials, recorder, nonNull(scheduler), TestWorkers.SHARED, settings);
        links.add(link);
        link.start();
        return link;
    }

    /** Sends STATE-SET fnsp and waits for the device's STATE-CHANGE with the new speed. */
    private static void assertSpeedChange(DeviceLink link, Recorder recorder, SimulatedDevice device) {
        String speed = "0003".equals(device.simulator().productState().get("fnsp")) ? "0006" : "0003";
        assertTrue(link.publish("{\"msg\":\"STATE-SET\",\"time\":\"2026-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\","
                + "\"data\":{\"fnsp\":\"" + speed + "\"}}"));
        await().atMost(WAIT).until(() -> recorder.payloads("STATE-CHANGE").stream()
                .anyMatch(m -> m.contains("\"fnsp\":[") && m.contains(",\"" + speed + "\"]")));
        assertEquals(speed, device.simulator().productState().get("fnsp"));
        await().atMost(WAIT).until(() -> CONSOLE.stream()
                .anyMatch(line -> line.startsWith("[" + device.serial() + "] <- ") && line.contains(speed)));
    }

    @Test
    void describesEveryDeviceAndWritesTheClientFiles() throws IOException {
        DysonTestWorld current = nonNull(world);
        String description = current.describe();
        for (SimulatedDevice device : current.devices()) {
            assertTrue(description.contains(device.serial()), description);
            assertTrue(description.contains(device.localPassword()), description);
            assertTrue(description.contains(device.productType().thingTypeId()), description);
        }
        assertEquals(2, current.devices().stream().map(SimulatedDevice::serial).distinct().count());
        assertNotEquals(current.devices().get(0).localPassword(), current.devices().get(1).localPassword());
        assertTrue(description.contains("127.0.0.1  " + current.brokerPort() + " "), description);
        assertTrue(description.contains(current.cloudBaseUrl()), description);
        assertTrue(description.contains(TestPki.IOT_ENDPOINT + ":" + current.iotPort()), description);
        assertTrue(description.contains(current.caFile().toString()), description);
        assertTrue(description.contains(current.openHabOptions()), description);
        assertTrue(Files.readString(current.caFile()).startsWith("-----BEGIN CERTIFICATE-----\n"));
        List<String> hosts = Files.readAllLines(current.hostsFile(), StandardCharsets.US_ASCII);
        assertTrue(hosts.containsAll(
                List.of("127.0.0.1 " + TestPki.CLOUD_API_HOST, "127.0.0.1 " + TestPki.IOT_ENDPOINT)));
    }

    @Test
    void aLocalOnlyClientSeesStateControlsTheDeviceAndSeesSensorsMove() {
        SimulatedDevice device = device("475");
        Recorder recorder = new Recorder();
        DeviceLink link = startLink(localEndpoint(device),
                new Credentials(device.serial(), new LocalCredentials(device.serial(), device.localPassword()), null),
                recorder);
        await().atMost(WAIT).until(() -> recorder.payloads("CURRENT-STATE").size() > 0);
        assertEquals(List.of("LOCAL"), recorder.transports);
        assertSpeedChange(link, recorder, device);
        // one answer to the link's own request, the others unsolicited, with values that moved
        await().atMost(WAIT).until(() -> recorder.payloads("ENVIRONMENTAL-CURRENT-SENSOR-DATA").stream()
                .map(m -> m.replaceAll("\"time\":\"[^\"]*\"", "")).distinct().count() >= 3);
    }

    @Test
    void aWrongLocalPasswordIsRefused() {
        SimulatedDevice device = device("475");
        Recorder recorder = new Recorder();
        startLink(localEndpoint(device),
                new Credentials(device.serial(), new LocalCredentials(device.serial(), "wrong"), null), recorder);
        await().atMost(WAIT).until(() -> recorder.transports.contains("NONE"));
        assertTrue(recorder.payloads("CURRENT-STATE").isEmpty());
    }

    @Test
    void aCloudClientLogsInWithThePrintedCodeAndControlsTheDeviceThroughAwsIot() throws Exception {
        SimulatedDevice device = device("527K");
        HttpClient http = TestHttpClients.startTrustingTestCa();
        try {
            DysonAccountSession session = new DysonAccountSession(new DysonCloudClient(http,
                    nonNull(world).cloudBaseUrl(), "GB", "en-GB", Duration.ofSeconds(5)), DysonTestWorld.EMAIL,
                    DysonTestWorld.PASSWORD, null, null);
            assertEquals(LoginStep.CODE_REQUESTED, session.start());
            session.completeLogin(printedCode());
            CloudDevice listed = session.devices().stream().filter(d -> d.serialNumber().equals(device.serial()))
                    .findFirst().orElseThrow();
            assertEquals("527K", listed.mqttRootTopicLevel());
            LocalCredentials local = session.localCredentials(listed);
            assertEquals(device.localPassword(), nonNull(local).password());

            Recorder recorder = new Recorder();
            DeviceLink link = startLink(new DeviceEndpoint(device.serial(), listed.mqttRootTopicLevel(), null, 0,
                    TransportMode.CLOUD, true), new Credentials(device.serial(), null, session), recorder);
            await().atMost(WAIT).until(() -> recorder.payloads("CURRENT-STATE").size() > 0);
            assertEquals(List.of("CLOUD"), recorder.transports);
            assertEquals(TransportKind.CLOUD, link.transport());
            assertSpeedChange(link, recorder, device);
            assertTrue(nonNull(world).cloud().lastGrant(device.serial()) != null);
        } finally {
            http.stop();
        }
    }

    @Test
    void closingTheWorldLeavesNoThreadAndNoPortBehind(@TempDir Path files) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DysonTestWorld own = DysonTestWorld
                .start(SimulatorOptions.anyPorts(List.of("664"), Duration.ofMillis(50), files), line -> {
                });
        List<Integer> ports = List.of(own.brokerPort(), own.cloudPort(), own.iotPort());
        for (int port : ports) {
            new Socket(DysonTestWorld.HOST, port).close();
        }
        own.close();
        own.close();
        for (int port : ports) {
            assertThrows(ConnectException.class, () -> new Socket(DysonTestWorld.HOST, port).close());
        }
        // a pool of another world still running in this JVM may start a thread meanwhile: same pool name, not ours
        Set<String> otherPools = before.stream().map(thread -> poolName(thread.getName()))
                .collect(Collectors.toSet());
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(), Thread.getAllStackTraces().keySet()
                .stream().filter(thread -> thread.isAlive() && !before.contains(thread)).map(Thread::getName)
                .filter(name -> !name.startsWith("awaitility") && !otherPools.contains(poolName(name))).sorted()
                .toList()));
    }

    /** A thread's name without its number in the pool ({@code pool-3-thread-7} -> {@code pool-3-thread}). */
    private static String poolName(String threadName) {
        return threadName.replaceAll("-\\d+$", "");
    }

    @Test
    void refusesAnUnknownFamily(@TempDir Path files) {
        assertThrows(IllegalArgumentException.class, () -> DysonTestWorld
                .start(SimulatorOptions.anyPorts(List.of("999"), Duration.ZERO, files), line -> {
                }));
    }

    private static String printedCode() {
        for (int i = CONSOLE.size() - 1; i >= 0; i--) {
            Matcher matcher = CODE_LINE.matcher(CONSOLE.get(i));
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No login code printed: " + CONSOLE);
    }

    /** Local credentials and/or a logged-in account session, as the device handler supplies them. */
    private static final class Credentials implements CredentialsSource {

        private final String serial;
        private final @Nullable LocalCredentials local;
        private final @Nullable DysonAccountSession session;

        Credentials(String serial, @Nullable LocalCredentials local, @Nullable DysonAccountSession session) {
            this.serial = serial;
            this.local = local;
            this.session = session;
        }

        @Override
        public @Nullable LocalCredentials localCredentials() {
            return local;
        }

        @Override
        public boolean hasCloudAccount() {
            return session != null;
        }

        @Override
        public void iotCredentialsRefused() {
        }

        @Override
        public IotCredentials freshIotCredentials() throws CredentialsUnavailableException {
            DysonAccountSession account = session;
            if (account == null) {
                throw new CredentialsUnavailableException("no account");
            }
            try {
                return account.iotCredentials(serial);
            } catch (DysonCloudException e) {
                throw new CredentialsUnavailableException(e.getMessage());
            }
        }
    }

    /** Records what a link reports. */
    private static final class Recorder implements DeviceLinkListener {

        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<String> transports = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(String topic, String payload) {
            messages.add(payload);
        }

        @Override
        public void onTransportChanged(TransportKind kind, String reason) {
            transports.add(kind.name());
        }

        @Override
        public void onDeviceOffline(String reason) {
        }

        @Override
        public void onDeviceOnline() {
        }

        @Override
        public void onCommandUndelivered(String json, String reason) {
        }

        List<String> payloads(String msg) {
            return messages.stream().filter(m -> m.contains("\"msg\":\"" + msg + "\"")).toList();
        }
    }
}
