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
package org.openhab.binding.dyson.internal.soak;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.testworld.AwsIotEndpointStandIn;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.DysonTestWorld;
import org.openhab.binding.dyson.internal.testworld.EmbeddedBroker;
import org.openhab.binding.dyson.internal.testworld.IotAuthority;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;
import org.openhab.binding.dyson.internal.testworld.TestPki;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.binding.dyson.internal.transport.TransportSettings;

/**
 * The loopback world of a soak on 127.0.0.1: one broker that is every device's local broker and the cloud broker
 * behind the AWS IoT endpoint stand-in, the Dyson cloud API stand-in with one account, and N simulated devices
 * (product families in turn). Even-numbered devices get a local thing (no bridge, {@code transport=local}),
 * odd-numbered ones a cloud thing under the account ({@code transport=cloud}, listed without local credentials).
 * Each thing reaches its broker or the endpoint through its own {@link LinkCutter}, so single connections can be
 * dropped. Sensor values drift every second, so a working thing receives updates all the time.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SoakWorld implements AutoCloseable {

    /** Product families with a simulator seed, in the order devices are made. */
    static final List<String> ROOTS = List.of("475", "438E", "527K", "358K", "664", "455", "520", "438M", "358",
            "438", "527");
    private static final int SIMULATOR_START_ATTEMPTS = 3;
    private static final Duration DRIFT_INTERVAL = Duration.ofSeconds(1);

    private final IotAuthority authority = new IotAuthority();
    private final EmbeddedBroker broker = new EmbeddedBroker(true);
    private final List<SoakDevice> devices = new ArrayList<>();
    private final ScheduledThreadPoolExecutor drift = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "soak-sensor-drift");
        thread.setDaemon(true);
        return thread;
    });
    private final Random driftRandom;
    private @Nullable AwsIotEndpointStandIn endpoint;
    private @Nullable DysonCloudStandIn cloud;
    private @Nullable HttpClient http;
    private @Nullable SoakAccount account;

    private SoakWorld(long seed) {
        driftRandom = new Random(seed);
    }

    /** Starts the stand-ins and the simulated devices and creates the things (not yet initialized). */
    static SoakWorld start(int deviceCount, long seed) throws Exception {
        SoakWorld world = new SoakWorld(seed);
        try {
            world.startAll(deviceCount);
            return world;
        } catch (Exception e) {
            world.close();
            throw e;
        }
    }

    private void startAll(int deviceCount) throws Exception {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < deviceCount; i++) {
            String root = ROOTS.get(i % ROOTS.size());
            String serial = String.format("SOAK%02d-EU-%s", i + 1, root);
            serials.add(serial);
            broker.addAccount(serial, DysonTestWorld.localPasswordFor(serial));
        }
        broker.start();
        AwsIotEndpointStandIn iot = new AwsIotEndpointStandIn(authority, broker.port()).start();
        endpoint = iot;
        DysonCloudStandIn cloudStandIn = DysonCloudStandIn.start(authority);
        cloud = cloudStandIn;
        cloudStandIn.addAccount(SoakAccount.EMAIL, SoakAccount.PASSWORD);
        HttpClient client = TestHttpClients.startTrustingTestCa();
        http = client;
        SoakAccount bridge = new SoakAccount(cloudStandIn, client);
        account = bridge;
        for (int i = 0; i < deviceCount; i++) {
            String root = ROOTS.get(i % ROOTS.size());
            String serial = serials.get(i);
            boolean cloudThing = i % 2 == 1;
            DeviceSimulator simulator = startSimulator(root, serial);
            LinkCutter relay = new LinkCutter(serial, cloudThing ? iot.port() : broker.port());
            SoakThing thing;
            if (cloudThing) {
                cloudStandIn.addDevice(SoakAccount.EMAIL, listed(serial, root));
                LinkSettings settings = new LinkSettings(LinkSettings.DEFAULT.preferredRetryInterval(),
                        LinkSettings.DEFAULT.switchBackAfter(), LinkSettings.DEFAULT.backoffInitial(),
                        LinkSettings.DEFAULT.backoffMax(),
                        TransportSettings.DEFAULT.withCloud(relay.port(), TestPki.get().clientContext()));
                thing = new SoakThing(serial, root, cloudConfig(serial), bridge.bridge(), settings);
            } else {
                thing = new SoakThing(serial, root, localConfig(serial, root, relay.port()), null,
                        LinkSettings.DEFAULT);
            }
            devices.add(new SoakDevice(root, thing, simulator, relay));
        }
        long millis = DRIFT_INTERVAL.toMillis();
        drift.scheduleWithFixedDelay(this::driftSensors, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A simulated device on the broker; a start that fails (a busy CI machine) is tried twice more. */
    private DeviceSimulator startSimulator(String root, String serial) throws MqttException {
        for (int attempt = 1;; attempt++) {
            DeviceSimulator simulator = new DeviceSimulator(new DeviceTopics(root, serial),
                    DeviceSimulator.seed(root));
            try {
                return simulator.start(broker.port());
            } catch (MqttException e) {
                if (attempt == SIMULATOR_START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static StandInDevice listed(String serial, String root) {
        ProductType type = ProductType.fromRootTopic(root);
        String model = type == null ? "TP07" : type.models().get(0);
        return StandInDevice.purifier(serial, root.substring(0, 3), root.length() > 3 ? root.substring(3) : null,
                model).withName("Soak " + serial).cloudOnly();
    }

    private static Map<String, Object> localConfig(String serial, String root, int port) {
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", serial);
        config.put("productType", root);
        config.put("transport", "local");
        config.put("hostname", "127.0.0.1");
        config.put("port", BigDecimal.valueOf(port));
        config.put("localPassword", DysonTestWorld.localPasswordFor(serial));
        return config;
    }

    private static Map<String, Object> cloudConfig(String serial) {
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", serial);
        config.put("transport", "cloud");
        return config;
    }

    /** Logs the account in, then initializes every thing, as openHAB does after a start. */
    void startThings() {
        SoakAccount bridge = nonNull(account);
        bridge.logIn();
        for (SoakDevice device : devices) {
            if (device.isCloud()) {
                bridge.addChild(device.thing().handler());
            }
            device.thing().start();
        }
    }

    private void driftSensors() {
        for (SoakDevice device : devices) {
            try {
                device.simulator().driftSensors(driftRandom);
            } catch (RuntimeException e) {
                // the broker is down: the next tick tries again
            }
        }
    }

    List<SoakDevice> devices() {
        return List.copyOf(devices);
    }

    EmbeddedBroker broker() {
        return broker;
    }

    AwsIotEndpointStandIn endpoint() {
        return nonNull(endpoint);
    }

    DysonCloudStandIn cloud() {
        return nonNull(cloud);
    }

    SoakAccount account() {
        return nonNull(account);
    }

    private static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The soak world is not running");
        }
        return value;
    }

    /** Disposes the things and the account, then stops devices, relays and stand-ins. */
    @Override
    public void close() {
        drift.shutdownNow();
        devices.forEach(device -> device.thing().close());
        SoakAccount bridge = account;
        if (bridge != null) {
            bridge.close();
        }
        devices.forEach(device -> {
            device.simulator().close();
            device.relay().close();
        });
        AwsIotEndpointStandIn iot = endpoint;
        if (iot != null) {
            try {
                iot.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        DysonCloudStandIn cloudStandIn = cloud;
        if (cloudStandIn != null) {
            cloudStandIn.close();
        }
        HttpClient client = http;
        if (client != null) {
            try {
                client.stop();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        broker.close();
    }
}
