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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;
import org.openhab.binding.dyson.internal.testworld.TestPki;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;
import org.openhab.binding.dyson.internal.transport.LinkSettings;

/**
 * The loopback world of {@link ThingBenchmark}: one broker, the AWS IoT endpoint stand-in relaying to it, the Dyson
 * cloud stand-in and one logged-in account listing up to {@link #MAX_DEVICES} simulated devices of one product type
 * (distinct serial numbers, all reachable locally and over the cloud). Simulators are started when first needed.
 * Things use the production link settings ({@link LinkSettings#DEFAULT}), only pointed at the stand-ins.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class BenchWorld implements AutoCloseable {

    static final String ROOT = "520";
    static final int MAX_DEVICES = 101;
    /** The device of the idle-traffic measurement, apart from those of the scale rows. */
    static final int THRIFT_DEVICE = 100;
    private static final String EMAIL = "benchmark-%d@example.com";

    final IotAuthority authority = new IotAuthority();
    final EmbeddedBroker broker = new EmbeddedBroker();
    final AwsIotEndpointStandIn endpoint;
    final DysonCloudStandIn cloud;
    final LinkSettings settings;
    private final HttpClient http;
    private final List<DeviceSimulator> simulators = new ArrayList<>();
    private final List<String> serials = new ArrayList<>();
    private HandlerTestWorld.@Nullable Account account;
    private int accounts;

    BenchWorld() throws Exception {
        for (int i = 0; i < MAX_DEVICES; i++) {
            String serial = String.format(Locale.ROOT, "AAA-EU-B%06dA", i);
            serials.add(serial);
            broker.addAccount(serial, HandlerTestWorld.PASSWORD);
        }
        broker.start();
        endpoint = new AwsIotEndpointStandIn(authority, broker.port()).start();
        cloud = DysonCloudStandIn.start(authority);
        http = TestHttpClients.startTrustingTestCa();
        LinkSettings d = LinkSettings.DEFAULT;
        settings = new LinkSettings(d.preferredRetryInterval(), d.switchBackAfter(), d.backoffInitial(),
                d.backoffMax(), d.transport().withCloud(endpoint.port(), TestPki.get().clientContext()),
                d.recovery());
        ensureSimulators(2);
    }

    /** The logged-in account (logs in on first use). */
    synchronized HandlerTestWorld.Account account() {
        HandlerTestWorld.Account current = account;
        return current != null ? current : renewAccount();
    }

    /**
     * Disposes the current account thing (if any) and logs in a new one listing all devices, so that no disposed
     * thing stays referenced from the account of a measurement.
     */
    synchronized HandlerTestWorld.Account renewAccount() {
        closeAccount();
        String email = String.format(Locale.ROOT, EMAIL, ++accounts);
        cloud.addAccount(email, HandlerTestWorld.ACCOUNT_PASSWORD);
        ProductType type = DeviceHarness.nonNull(ProductType.fromRootTopic(ROOT));
        for (String serial : serials) {
            cloud.addDevice(email, new StandInDevice(serial, "Bench " + serial, ROOT, null, type.models().get(0),
                    type.productName(), "lecAndWifi", true, ROOT, "wss", HandlerTestWorld.PASSWORD,
                    List.of("Scheduling", "EnvironmentalData")));
        }
        HandlerTestWorld.Account current = new HandlerTestWorld.Account(email, cloud, http).logIn();
        account = current;
        return current;
    }

    /** Disposes the current account thing. */
    synchronized void closeAccount() {
        HandlerTestWorld.Account current = account;
        account = null;
        if (current != null) {
            current.close();
        }
    }

    /** Simulated device {@code index}, started (with those before it) if not yet running. */
    DeviceSimulator simulator(int index) throws Exception {
        ensureSimulators(index + 1);
        return simulators.get(index);
    }

    /** Starts simulators until {@code count} run (in parallel: each connect costs Paho's floor). */
    synchronized void ensureSimulators(int count) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(8);
        try {
            List<Future<DeviceSimulator>> started = new ArrayList<>();
            for (int i = simulators.size(); i < count; i++) {
                String serial = serials.get(i);
                started.add(starter.submit(() -> startSimulator(serial)));
            }
            for (Future<DeviceSimulator> future : started) {
                simulators.add(future.get());
            }
        } finally {
            starter.shutdown();
        }
    }

    /** Moquette now and then closes a new connection before its SUBSCRIBE: then the simulator tries again. */
    private DeviceSimulator startSimulator(String serial) throws Exception {
        for (int attempt = 1;; attempt++) {
            DeviceSimulator simulator = new DeviceSimulator(new DeviceTopics(ROOT, serial), DeviceSimulator.seed(ROOT));
            try {
                return simulator.start(broker.port());
            } catch (MqttException | RuntimeException e) {
                simulator.close();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    String serial(int index) {
        return serials.get(index);
    }

    /** A thing configuration for device {@code index}: local-only, or under the account over the cloud. */
    Map<String, Object> config(int index, boolean cloudTransport) {
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", serials.get(index));
        if (cloudTransport) {
            config.put("transport", "cloud");
        } else {
            config.put("productType", ROOT);
            config.put("hostname", "127.0.0.1");
            config.put("port", BigDecimal.valueOf(broker.port()));
            config.put("localPassword", HandlerTestWorld.PASSWORD);
            config.put("transport", "local");
        }
        return config;
    }

    /** A thing (not initialized) for device {@code index}. */
    DeviceHarness thing(int index, boolean cloudTransport) {
        return HandlerTestWorld.device(ROOT, config(index, cloudTransport), cloudTransport ? account() : null,
                settings);
    }

    @Override
    public void close() throws Exception {
        closeAccount();
        simulators.forEach(DeviceSimulator::close);
        http.stop();
        cloud.close();
        endpoint.close();
        broker.close();
    }
}
