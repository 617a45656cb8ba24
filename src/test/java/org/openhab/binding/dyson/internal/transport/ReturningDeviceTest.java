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
import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;

/**
 * A five-minute outage with the binding's real recovery settings: a local device whose broker is gone (power or
 * Wi-Fi) and a cloud device whose AWS IoT endpoint is unreachable come back at the same time. Each must be up
 * again with a fresh state within 10 s of its endpoint accepting connections, and neither may have been hammered:
 * after the first minute, at most one full MQTT connect per 30 s (the cheap TCP probes find the way back). Fifty
 * more devices stay unreachable all the while, and the CPU that all their probing costs is printed.
 * <p>
 * The outage lasts {@code -Ddyson.outage.seconds} (default 300).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ReturningDeviceTest {

    private static final String PASSWORD = "local-secret-returning";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("dyson.outage.seconds", 300));
    private static final Duration BACK_WITHIN = Duration.ofSeconds(10);
    private static final Duration CALM_AFTER = Duration.ofMinutes(1);
    private static final Duration MIN_GAP = Duration.ofSeconds(30);
    private static final int UNREACHABLE_DEVICES = 50;

    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(2);
    private final List<DeviceLink> links = new ArrayList<>();

    private DeviceLink start(DeviceEndpoint where, CredentialsSource credentials, int cloudPort,
            DeviceLinkListener listener) {
        // production timing: back-off 1 s .. 5 min, probes every 2 s and after two minutes every 5 s
        LinkSettings settings = new LinkSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofMinutes(5), DeviceConnectionTest.testSettings(cloudPort));
        DeviceLink link = new DeviceLink(where, credentials, listener, scheduler, TestWorkers.SHARED, settings);
        links.add(link);
        link.start();
        return link;
    }

    @Test
    void devicesBackFromALongOutageAreUpWithinSecondsAndWereNotHammered() throws Exception {
        DeviceSimulator localDevice = DeviceSimulator.forRoot("664");
        String localSerial = localDevice.topics().serial();
        try (EmbeddedBroker broker = new EmbeddedBroker().addAccount(localSerial, PASSWORD).start();
                LoopbackWorld cloudWorld = LoopbackWorld.start("475", PASSWORD)) {
            localDevice.start(broker.port());
            int cloudPort = cloudWorld.endpoint().port();
            RecordingLinkListener local = new RecordingLinkListener();
            RecordingLinkListener cloud = new RecordingLinkListener();
            DeviceLink localLink = start(new DeviceEndpoint(localSerial, "664", "127.0.0.1", broker.port(),
                    TransportMode.LOCAL, false), new TestCredentials(new IotAuthority(), localSerial,
                            new LocalCredentials(localSerial, PASSWORD), false), cloudPort, local);
            String cloudSerial = cloudWorld.device().topics().serial();
            DeviceLink cloudLink = start(new DeviceEndpoint(cloudSerial, "475", null, 1883, TransportMode.CLOUD, false),
                    new TestCredentials(cloudWorld.authority(), cloudSerial, null, true), cloudPort, cloud);
            for (int i = 0; i < UNREACHABLE_DEVICES; i++) {
                start(new DeviceEndpoint("GONE-" + i, "664", "127.0.0.1", closedPort(), TransportMode.LOCAL, false),
                        new TestCredentials(new IotAuthority(), "GONE-" + i, new LocalCredentials("GONE-" + i,
                                PASSWORD), false), cloudPort, new RecordingLinkListener());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> local.lastTransport().startsWith("LOCAL")
                    && cloud.lastTransport().startsWith("CLOUD"));

            long down = System.nanoTime();
            localDevice.close();
            broker.stop();
            cloudWorld.endpoint().stop();
            // the ports stay taken meanwhile (bound, not listening: connections are refused), so that no server of
            // the other test JVM can take one and answer the probes
            Socket localPortHeld = hold(broker.port());
            Socket cloudPortHeld = hold(cloudPort);
            await().atMost(Duration.ofSeconds(30)).until(() -> local.lastTransport().startsWith("NONE")
                    && cloud.lastTransport().startsWith("NONE"));

            TimeUnit.NANOSECONDS.sleep(OUTAGE.toNanos() * 6 / 10);
            long cpuFrom = processCpuNanos();
            long networkCpuFrom = networkThreadsCpuNanos();
            long wallFrom = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(OUTAGE.toNanos() - (System.nanoTime() - down));
            long wall = System.nanoTime() - wallFrom;
            double cpuShare = (double) (processCpuNanos() - cpuFrom) / wall;
            double networkShare = (double) (networkThreadsCpuNanos() - networkCpuFrom) / wall;

            localPortHeld.close();
            broker.start();
            localDevice = DeviceSimulator.forRoot("664").start(broker.port());
            long localBack = System.nanoTime();
            cloudPortHeld.close();
            cloudWorld.endpoint().start();
            long cloudBack = System.nanoTime();
            await().atMost(BACK_WITHIN).until(() -> local.lastTransport().startsWith("LOCAL"));
            long localUp = System.nanoTime();
            await().atMost(BACK_WITHIN).until(() -> cloud.lastTransport().startsWith("CLOUD"));
            long cloudUp = System.nanoTime();
            assertTrue(local.received("CURRENT-STATE") && cloud.received("CURRENT-STATE"));

            System.out.printf(Locale.ROOT,
                    "Outage of %d s: local back after %d ms, cloud back after %d ms; full connects during the outage:"
                            + " local %d, cloud %d; while %d devices were unreachable: the binding's network threads"
                            + " %.3f %% of a core, the whole test process %.2f %%%n",
                    OUTAGE.toSeconds(), TimeUnit.NANOSECONDS.toMillis(localUp - localBack),
                    TimeUnit.NANOSECONDS.toMillis(cloudUp - cloudBack), attemptsBetween(localLink, down, localBack),
                    attemptsBetween(cloudLink, down, cloudBack), UNREACHABLE_DEVICES + 2, networkShare * 100,
                    cpuShare * 100);
            assertCalm(localLink, down, localBack);
            assertCalm(cloudLink, down, cloudBack);
        } finally {
            links.forEach(DeviceLink::close);
            localDevice.close();
            scheduler.shutdownNow();
        }
    }

    /** After the first minute of the outage, full connect attempts are at least {@link #MIN_GAP} apart. */
    private static void assertCalm(DeviceLink link, long down, long back) {
        List<Long> attempts = link.connectAttemptNanos().stream()
                .filter(t -> t - down >= CALM_AFTER.toNanos() && t < back).toList();
        for (int i = 1; i < attempts.size(); i++) {
            long gap = attempts.get(i) - attempts.get(i - 1);
            assertTrue(gap >= MIN_GAP.toNanos(), "full connects " + TimeUnit.NANOSECONDS.toSeconds(gap) + " s apart");
        }
    }

    private static long attemptsBetween(DeviceLink link, long from, long to) {
        return link.connectAttemptNanos().stream().filter(t -> t >= from && t < to).count();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the binding's network threads (probes and connect attempts) alive now. */
    private static long networkThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(NetworkWorkers.THREAD_NAME_PREFIX))
                .mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.getId()))).sum();
    }

    /** Binds a socket to {@code port} on 127.0.0.1 without listening: the port is taken and refuses connections. */
    private static Socket hold(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    /** A port on 127.0.0.1 that nothing listens on (connections are refused at once). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
