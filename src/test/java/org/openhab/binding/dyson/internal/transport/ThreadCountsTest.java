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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.binding.dyson.internal.testworld.TestPki;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;

/**
 * Proves that {@link ThreadCounts} sees what a cloud connection starts, so leak checks over the cloud can fail.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ThreadCountsTest {

    private static @Nullable LoopbackWorld world;
    private static final ScheduledExecutorService SCHEDULER = new ScheduledThreadPoolExecutor(1);

    @BeforeAll
    static void startWorld() throws Exception {
        world = LoopbackWorld.start("438M", "local-secret-438M");
    }

    @AfterAll
    static void stopWorld() throws Exception {
        DeviceConnectionTest.nonNull(world).close();
        SCHEDULER.shutdownNow();
    }

    private static LoopbackWorld world() {
        return DeviceConnectionTest.nonNull(world);
    }

    @Test
    void aCloudConnectionCountsFourPahoThreadsWhileOpenAndNoneAfterClose() throws Exception {
        List<String> before = ThreadCounts.pahoNames();
        IotAuthority.Grant grant = world().authority().issue(world().device().topics().serial());
        IotCredentials credentials = new IotCredentials(TestPki.IOT_ENDPOINT, grant.clientId(),
                grant.authorizerName(), grant.tokenKey(), grant.tokenValue(), grant.tokenSignature());
        String id = grant.clientId();
        try (CloudMqttConnection connection = new CloudMqttConnection(world().device().topics(), credentials,
                new RecordingConnectionListener(), SCHEDULER,
                DeviceConnectionTest.testSettings(world().endpoint().port()))) {
            connection.connect();
            assertTrue(connection.isConnected());
            // send, receive, callback and the WebSocket receiver; the connect thread ends after the CONNACK
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(
                    List.of("MQTT Call: " + id, "MQTT Rec: " + id, "MQTT Snd: " + id, "WssSocketReceiver"),
                    added(before)));
            assertEquals(before.size() + 4, ThreadCounts.paho());
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(List.of(), added(before)));
        assertEquals(before.size(), ThreadCounts.paho());
    }

    /** The connection threads now alive that were not in {@code before} (names may repeat). */
    private static List<String> added(List<String> before) {
        List<String> now = new ArrayList<>(ThreadCounts.pahoNames());
        before.forEach(now::remove);
        return now;
    }

    @Test
    void theSimulatorsClientIsNotCounted() {
        assertTrue(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .anyMatch(name -> name.startsWith("MQTT Rec: sim-")), "the simulated device is connected");
        assertFalse(ThreadCounts.pahoNames().stream().anyMatch(name -> name.contains("sim-")));
    }

    @Test
    void poolThreadsAreCountedApartFromConnectionThreads() throws Exception {
        long before = ThreadCounts.pool();
        long pahoBefore = ThreadCounts.paho();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (NetworkWorkers workers = new NetworkWorkers(1)) {
            workers.execute(() -> {
                running.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(running.await(5, TimeUnit.SECONDS));
            assertEquals(before + 1, ThreadCounts.pool());
            assertEquals(pahoBefore, ThreadCounts.paho());
            release.countDown();
        }
    }

    @Test
    void everyPahoThreadNameIsRecognised() {
        for (String name : List.of("MQTT Con: a", "MQTT Rec: a", "MQTT Snd: a", "MQTT Call: a", "MQTT Disc: a",
                "MQTT Ping: a", "MQTT Reconnect: a", "WssSocketReceiver", "webSocketReceiver")) {
            assertTrue(ThreadCounts.isPahoConnectionThread(name), name);
        }
        assertFalse(ThreadCounts.isPahoConnectionThread("MQTT Rec: sim-438M-1"));
        assertFalse(ThreadCounts.isPahoConnectionThread(NetworkWorkers.THREAD_NAME_PREFIX + "1"));
    }
}
