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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.LogCapture;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.FaultyProxy;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;

/**
 * How a {@link DeviceLink} recovers on a bad day, against a real broker and simulated device on loopback: growing
 * gaps and a steady status for a peer that connects and drops, the watchdog for a silent device, reachability probes
 * and mDNS wake-ups for a device that comes back, lost commands sent again, and no waiting on shared threads.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class LinkRecoveryTest {

    private static final String ROOT = "664";
    private static final String PASSWORD = "local-secret-664";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final LinkSettings.Recovery QUICK = new LinkSettings.Recovery(Duration.ofSeconds(60),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofMinutes(1));

    private static final ScheduledExecutorService SCHEDULER = new ScheduledThreadPoolExecutor(2);
    private static @Nullable EmbeddedBroker broker;
    private static @Nullable DeviceSimulator simulator;

    private final List<DeviceLink> links = new ArrayList<>();
    private final RecordingLinkListener listener = new RecordingLinkListener();

    @BeforeAll
    static void startWorld() throws Exception {
        DeviceSimulator device = DeviceSimulator.forRoot(ROOT);
        broker = new EmbeddedBroker().addAccount(device.topics().serial(), PASSWORD).start();
        simulator = device.start(broker().port());
    }

    @AfterAll
    static void stopWorld() {
        device().close();
        broker().close();
        SCHEDULER.shutdownNow();
    }

    @AfterEach
    void closeLinks() {
        links.forEach(DeviceLink::close);
        // Paho's threads end on their own within moments of the close
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(List.of(), ThreadCounts.pahoNames()));
    }

    private static EmbeddedBroker broker() {
        return nonNull(broker);
    }

    private static DeviceSimulator device() {
        return nonNull(simulator);
    }

    private static <T> T nonNull(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    private static String serial() {
        return device().topics().serial();
    }

    private static LinkSettings settings(Duration backoffInitial, Duration backoffMax) {
        return new LinkSettings(Duration.ofMinutes(5), Duration.ofSeconds(1), backoffInitial, backoffMax,
                DeviceConnectionTest.testSettings(443).withConnectTimeout(Duration.ofSeconds(2)))
                .withRecovery(QUICK);
    }

    private DeviceLink startLink(String host, int port, LinkSettings settings) {
        return startLink(new DeviceEndpoint(serial(), ROOT, host, port, TransportMode.LOCAL, false), settings,
                listener, SCHEDULER);
    }

    private DeviceLink startLink(DeviceEndpoint where, LinkSettings settings, DeviceLinkListener to,
            ScheduledExecutorService scheduler) {
        CredentialsSource credentials = new TestCredentials(new IotAuthority(),
                where.serial(), new LocalCredentials(where.serial(), PASSWORD), false);
        DeviceLink link = new DeviceLink(where, credentials, to, scheduler, TestWorkers.SHARED, settings);
        links.add(link);
        link.start();
        return link;
    }

    private void awaitTransport(String expected) {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, listener.lastTransport()));
    }

    private static String stateSet(String speed) {
        return "{\"msg\":\"STATE-SET\",\"time\":\"2025-01-01T12:00:00Z\",\"mode-reason\":\"LAPP\",\"data\":{\"fnsp\":\""
                + speed + "\"}}";
    }

    private static String otherSpeed() {
        return "0003".equals(device().productState().get("fnsp")) ? "0004" : "0003";
    }

    @Test
    void aPeerThatConnectsAndDropsGetsGrowingGapsAndASteadyStatus() throws Exception {
        // dropped 800 ms after the accept: after Paho's connect (about 300 ms) and the device's first answer
        try (FaultyProxy proxy = new FaultyProxy(broker().port()).dropAfter(Duration.ofMillis(800))) {
            startLink("127.0.0.1", proxy.port(), settings(Duration.ofMillis(400), Duration.ofSeconds(20)));
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.acceptNanos().size() >= 5);
            // reported up at most twice, then one steady reason however often it drops
            int reportsNow = listener.transports.size();
            assertEquals("NONE: " + DeviceLink.UNSTABLE, listener.lastTransport());
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.acceptNanos().size() >= 6);
            assertEquals(reportsNow, listener.transports.size(), listener.transports.toString());
            assertTrue(listener.transports.stream().filter(t -> t.startsWith("LOCAL")).count() <= 2,
                    listener.transports.toString());
            List<Long> accepts = proxy.acceptNanos();
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < accepts.size(); i++) {
                gaps.add(TimeUnit.NANOSECONDS.toMillis(accepts.get(i) - accepts.get(i - 1)));
            }
            for (int i = 1; i < gaps.size(); i++) {
                assertTrue(gaps.get(i) > gaps.get(i - 1), "gaps must grow: " + gaps);
            }
            assertTrue(gaps.get(gaps.size() - 1) >= 3 * gaps.get(0), "gaps: " + gaps);
        }
    }

    @Test
    void aPeerThatHangsUpAtOnceLeavesNoThreadBehind() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(broker().port()).dropAfter(Duration.ZERO)) {
            startLink("127.0.0.1", proxy.port(), settings(Duration.ofMillis(100), Duration.ofMillis(200)));
            await().atMost(WAIT).until(() -> proxy.acceptNanos().size() >= 10);
            assertTrue(listener.lastTransport().startsWith("NONE: local device closed the connection"),
                    listener.lastTransport());
        }
    }

    @Test
    void aSilentDeviceIsGivenUpAndReconnectedWithAReason() throws Exception {
        startLink("127.0.0.1", broker().port(), settings(Duration.ofMillis(200), Duration.ofSeconds(1)));
        awaitTransport("LOCAL: configured: local");
        DeviceSimulator quiet = device();
        quiet.close();
        try {
            await().atMost(WAIT).until(() -> listener.transports.contains("NONE: device silent for 2 s"));
            await().atMost(WAIT).until(() -> listener.transports.contains(
                    "NONE: connected over LOCAL, but the device does not answer (serial number or product type?)"));
        } finally {
            simulator = DeviceSimulator.forRoot(ROOT).start(broker().port());
        }
        awaitTransport("LOCAL: configured: local");
    }

    @Test
    void aReturningDeviceIsFoundByTheProbeLongBeforeTheBackoffEnds() throws Exception {
        try (LogCapture log = new LogCapture().start()) {
            DeviceLink link = startLink("127.0.0.1", broker().port(),
                    settings(Duration.ofSeconds(4), Duration.ofMinutes(1)));
            awaitTransport("LOCAL: configured: local");
            broker().stop();
            long down = System.nanoTime();
            await().atMost(WAIT).until(() -> link.state() == LinkState.BACKING_OFF
                    && listener.lastTransport().startsWith("NONE: local device unreachable"));
            // the back-off is now 4 s, 8 s, 16 s ...: without the probe the device would wait for the next round
            TimeUnit.SECONDS.sleep(6);
            broker().start();
            device().close();
            simulator = DeviceSimulator.forRoot(ROOT).start(broker().port());
            long up = System.nanoTime();
            awaitTransport("LOCAL: configured: local");
            long backMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - up);
            assertTrue(backMillis < 3000, "back after " + backMillis + " ms");
            long attempts = log.lines().stream().filter(l -> l.contains("LOCAL transport failed")).count();
            long outageSeconds = TimeUnit.NANOSECONDS.toSeconds(up - down);
            assertTrue(attempts <= 3, attempts + " full connects in an outage of " + outageSeconds + " s");
        }
    }

    @Test
    void anAnnouncementAtANewAddressConnectsAtOnce() {
        DeviceLink link = startLink("127.0.0.2", broker().port(),
                settings(Duration.ofSeconds(20), Duration.ofMinutes(1)));
        await().atMost(WAIT).until(() -> link.state() == LinkState.BACKING_OFF);
        link.wakeUp("127.0.0.1");
        awaitTransport("LOCAL: configured: local");
    }

    @Test
    void aCommandLostWithTheConnectionIsSentAgainAfterTheReconnect() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(broker().port())) {
            DeviceLink link = startLink("127.0.0.1", proxy.port(),
                    settings(Duration.ofMillis(200), Duration.ofSeconds(1)));
            awaitTransport("LOCAL: configured: local");
            String speed = otherSpeed();
            proxy.blackHole(true);
            assertTrue(link.publish(stateSet(speed)));
            TimeUnit.MILLISECONDS.sleep(200);
            assertNotEquals(speed, device().productState().get("fnsp"));
            proxy.blackHole(false);
            proxy.dropAll();
            await().atMost(WAIT).until(() -> speed.equals(device().productState().get("fnsp")));
            assertEquals(List.of(), listener.undelivered);
        }
    }

    @Test
    void tenDevicesThatNeverAnswerDelayNothingElse() throws Exception {
        ScheduledExecutorService shared = new ScheduledThreadPoolExecutor(2); // like openHAB's thingHandler pool
        List<FaultyProxy> deadEnds = new ArrayList<>();
        try {
            RecordingLinkListener healthy = new RecordingLinkListener();
            DeviceLink good = startLink(new DeviceEndpoint(serial(), ROOT, "127.0.0.1", broker().port(),
                    TransportMode.LOCAL, false), settings(Duration.ofMillis(500), Duration.ofSeconds(5)), healthy,
                    shared);
            await().atMost(WAIT).until(() -> healthy.lastTransport().startsWith("LOCAL"));
            for (int i = 0; i < 10; i++) {
                FaultyProxy deadEnd = FaultyProxy.silentEndpoint();
                deadEnds.add(deadEnd);
                startLink(new DeviceEndpoint("DEAD-" + i, ROOT, "127.0.0.1", deadEnd.port(), TransportMode.LOCAL,
                        false), settings(Duration.ofMillis(500), Duration.ofSeconds(5)), new RecordingLinkListener(),
                        shared);
            }
            await().atMost(WAIT).until(() -> deadEnds.stream().allMatch(d -> !d.acceptNanos().isEmpty()));
            long worstProbe = 0;
            for (int i = 0; i < 10; i++) {
                long submitted = System.nanoTime();
                long started = shared.schedule(System::nanoTime, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
                worstProbe = Math.max(worstProbe, TimeUnit.NANOSECONDS.toMillis(started - submitted));
                String speed = otherSpeed();
                long sent = System.nanoTime();
                assertTrue(good.publish(stateSet(speed)));
                await().atMost(WAIT).until(() -> speed.equals(device().productState().get("fnsp"))
                        && healthy.messages.stream().anyMatch(m -> m.contains("\"" + speed + "\"]")));
                long roundTrip = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertTrue(roundTrip < 500, "round trip " + roundTrip + " ms while ten devices hang");
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertTrue(worstProbe < 100, "a task on the shared pool waited " + worstProbe + " ms");
        } finally {
            links.forEach(DeviceLink::close);
            for (FaultyProxy deadEnd : deadEnds) {
                deadEnd.close();
            }
            shared.shutdownNow();
        }
    }

    @Test
    void fiftyDevicesComeBackSpreadOut() throws Exception {
        int devices = 50;
        try (EmbeddedBroker shared = new EmbeddedBroker()) {
            for (int i = 0; i < devices; i++) {
                shared.addAccount("FIFTY-" + i, PASSWORD);
            }
            shared.start();
            // no simulated devices behind these: the link must not give up on their silence during the test
            LinkSettings patient = settings(Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .withRecovery(new LinkSettings.Recovery(Duration.ofSeconds(5), Duration.ofMinutes(5),
                            Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMillis(300), Duration.ofMillis(300),
                            Duration.ofMinutes(1)));
            for (int i = 0; i < devices; i++) {
                startLink(new DeviceEndpoint("FIFTY-" + i, ROOT, "127.0.0.1", shared.port(), TransportMode.LOCAL,
                        false), patient, new RecordingLinkListener(), SCHEDULER);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> shared.connectNanos().size() >= devices);
            await().atMost(WAIT).until(() -> links.stream().allMatch(l -> l.state() == LinkState.CONNECTED));
            shared.stop();
            long down = System.nanoTime();
            await().atMost(WAIT).until(() -> links.stream().allMatch(l -> l.state() != LinkState.CONNECTED));
            TimeUnit.SECONDS.sleep(3);
            shared.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> shared.connectNanos().size() >= 2 * devices);
            List<Long> again = shared.connectNanos().subList(devices, shared.connectNanos().size());
            Function<Long, Long> second = nanos -> TimeUnit.NANOSECONDS.toSeconds(nanos - down);
            long busiest = again.stream().collect(Collectors.groupingBy(second, Collectors.counting())).values()
                    .stream().mapToLong(Long::longValue).max().orElse(0);
            assertTrue(busiest <= devices / 5, busiest + " of " + devices + " reconnected within one second");
        }
    }
}
