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

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhab.binding.dyson.internal.cloud.IotCredentials;
import org.openhab.binding.dyson.internal.cloud.LocalCredentials;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.TestPki;

/**
 * Measures connect time and command-to-state round trip over the local and the cloud transport, with and without
 * TCP_NODELAY, on loopback. Not a test: it only prints figures. Run with
 * {@code mvn -B test -Dtest=TransportBenchmark -Dbenchmark=true} (see doc/benchmarks.md).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TransportBenchmark {

    private static final int CONNECTS = 10;
    private static final int ROUND_TRIPS = 200;
    private static final String PASSWORD = "benchmark";

    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
    private final IotAuthority authority = new IotAuthority();

    @Test
    void measure() throws Exception {
        DeviceSimulator device = DeviceSimulator.forRoot("438M");
        DeviceTopics topics = device.topics();
        try (EmbeddedBroker broker = new EmbeddedBroker().addAccount(topics.serial(), PASSWORD).start();
                AwsIotEndpointStandIn endpoint = new AwsIotEndpointStandIn(authority, broker.port()).start();
                DeviceSimulator simulator = device.start(broker.port())) {
            List<String> lines = new ArrayList<>();
            lines.add("| transport | TCP_NODELAY | connect median (ms) | connect p90 (ms) | round trip median (ms) "
                    + "| round trip p90 (ms) |");
            lines.add("|---|---|---|---|---|---|");
            for (boolean noDelay : new boolean[] { true, false }) {
                TransportSettings settings = TransportSettings.DEFAULT.withCloud(endpoint.port(),
                        TestPki.get().clientContext()).withTcpNoDelay(noDelay);
                for (TransportKind kind : new TransportKind[] { TransportKind.LOCAL, TransportKind.CLOUD }) {
                    lines.add(run(kind, noDelay, settings, topics, broker.port()));
                }
            }
            System.out.println("TransportBenchmark (" + CONNECTS + " connects, " + ROUND_TRIPS
                    + " STATE-SET -> STATE-CHANGE round trips each)");
            lines.forEach(System.out::println);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private String run(TransportKind kind, boolean noDelay, TransportSettings settings, DeviceTopics topics,
            int brokerPort) throws Exception {
        List<Double> connects = new ArrayList<>();
        List<Double> trips = new ArrayList<>();
        for (int i = 0; i < CONNECTS; i++) {
            BlockingQueue<String> states = new LinkedBlockingQueue<>();
            DeviceConnectionListener listener = new DeviceConnectionListener() {
                @Override
                public void onMessage(String topic, String payload) {
                    if (payload.contains("STATE-CHANGE")) {
                        states.add(payload);
                    }
                }

                @Override
                public void onConnectionLost(String reason) {
                }
            };
            long start = System.nanoTime();
            try (DeviceConnection connection = open(kind, settings, topics, brokerPort, listener)) {
                connection.connect();
                connects.add((System.nanoTime() - start) / 1e6);
                if (i == CONNECTS - 1) {
                    for (int t = 0; t < ROUND_TRIPS; t++) {
                        String speed = String.format("%04d", 1 + t % 10);
                        long sent = System.nanoTime();
                        assertTrue(connection.publish("{\"msg\":\"STATE-SET\",\"time\":\"" + Instant.now()
                                + "\",\"mode-reason\":\"LAPP\",\"data\":{\"fnsp\":\"" + speed + "\"}}"));
                        assertNotNull(states.poll(5, TimeUnit.SECONDS), "STATE-CHANGE");
                        trips.add((System.nanoTime() - sent) / 1e6);
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f | %.2f |", kind.name().toLowerCase(),
                noDelay ? "on" : "off (Paho default)", percentile(connects, 50), percentile(connects, 90),
                percentile(trips, 50), percentile(trips, 90));
    }

    private DeviceConnection open(TransportKind kind, TransportSettings settings, DeviceTopics topics,
            int brokerPort, DeviceConnectionListener listener) {
        if (kind == TransportKind.LOCAL) {
            return new LocalMqttConnection(topics, "127.0.0.1", brokerPort,
                    new LocalCredentials(topics.serial(), PASSWORD), listener, scheduler, settings);
        }
        IotAuthority.Grant grant = authority.issue(topics.serial());
        return new CloudMqttConnection(topics, new IotCredentials(TestPki.IOT_ENDPOINT, grant.clientId(),
                grant.authorizerName(), grant.tokenKey(), grant.tokenValue(), grant.tokenSignature()), listener,
                scheduler, settings);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }
}
