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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.DysonBindingConstants;
import org.openhab.binding.dyson.internal.MemoryStorage;
import org.openhab.binding.dyson.internal.cloud.WifiSticker;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.binding.dyson.internal.testworld.TestHttpClients;
import org.openhab.binding.dyson.internal.testworld.TestPki;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.binding.dyson.internal.transport.TransportSettings;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.storage.Storage;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * Everything device handler tests share within a class: one {@link LoopbackWorld} per product type (started on first
 * use), a {@link DysonCloudStandIn} issuing IoT grants from the same {@code IotAuthority} as the cloud product's
 * world (so its AWS IoT endpoint stand-in admits them), an HTTP client trusting the test CA, and logged-in
 * {@link DysonAccountHandler}s whose status changes reach their device handlers as core would pass them on.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class HandlerTestWorld implements AutoCloseable {

    /** The Wi-Fi password on the device's sticker, and the local MQTT password derived from it. */
    static final String WIFI_PASSWORD = "stickerWifi-Hh5Nn1";
    static final String PASSWORD = WifiSticker.mqttPassword(WIFI_PASSWORD);
    static final String ACCOUNT_PASSWORD = "account-secret-Kk4Tt7";
    static final Duration WAIT = Duration.ofSeconds(10);

    private final String cloudRoot;
    private final Map<String, LoopbackWorld> worlds = new ConcurrentHashMap<>();
    private final List<Account> accounts = new CopyOnWriteArrayList<>();
    private @Nullable DysonCloudStandIn cloud;
    private @Nullable HttpClient http;

    /** @param cloudRoot the product type whose world the cloud stand-in and its accounts serve */
    HandlerTestWorld(String cloudRoot) {
        this.cloudRoot = cloudRoot;
    }

    synchronized LoopbackWorld world(String root) throws Exception {
        LoopbackWorld world = worlds.get(root);
        if (world == null) {
            world = LoopbackWorld.start(root, PASSWORD);
            worlds.put(root, world);
        }
        return world;
    }

    synchronized DysonCloudStandIn cloud() throws Exception {
        DysonCloudStandIn current = cloud;
        if (current == null) {
            current = DysonCloudStandIn.start(world(cloudRoot).authority());
            cloud = current;
            http = TestHttpClients.startTrustingTestCa();
        }
        return current;
    }

    /** Short intervals; the cloud endpoint of the cloud product's world. */
    LinkSettings settings() throws Exception {
        return settings(world(cloudRoot).endpoint().port());
    }

    static LinkSettings settings(int cloudPort) {
        return new LinkSettings(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(100),
                Duration.ofSeconds(1), TransportSettings.DEFAULT.withCloud(cloudPort, TestPki.get().clientContext())
                        .withConnectTimeout(Duration.ofSeconds(2)));
    }

    /** A local-only thing configuration for the simulated device of {@code root}. */
    Map<String, Object> localConfig(String root, String password) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", world(root).device().topics().serial());
        config.put("productType", root);
        config.put("hostname", "127.0.0.1");
        config.put("port", BigDecimal.valueOf(world(root).broker().port()));
        config.put("localPassword", password);
        return config;
    }

    /** A thing configuration under an account: serial and local address only, the rest comes from the account. */
    Map<String, Object> bridgedConfig() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("serialNumber", world(cloudRoot).device().topics().serial());
        config.put("hostname", "127.0.0.1");
        config.put("port", BigDecimal.valueOf(world(cloudRoot).broker().port()));
        config.put("transport", "auto");
        return config;
    }

    /** The cloud product's simulated device as the account lists it, with its local password and broker type. */
    StandInDevice listedDevice(@Nullable String remoteBrokerType) throws Exception {
        ProductType type = DeviceHarness.nonNull(ProductType.fromRootTopic(cloudRoot));
        return new StandInDevice(world(cloudRoot).device().topics().serial(), "Office", cloudRoot, null,
                type.models().get(0), type.productName(), "lecAndWifi", true, cloudRoot, remoteBrokerType, PASSWORD,
                List.of("Scheduling", "EnvironmentalData"));
    }

    /** A new account (not yet logged in) in the cloud stand-in listing {@code device}. */
    Account account(String email, StandInDevice device) throws Exception {
        DysonCloudStandIn standIn = cloud();
        standIn.addAccount(email, ACCOUNT_PASSWORD);
        standIn.addDevice(email, device);
        Account account = new Account(email, standIn, DeviceHarness.nonNull(http));
        accounts.add(account);
        return account;
    }

    /** A device thing (not yet initialized), under {@code account} when given, as core would wire it. */
    static DeviceHarness device(String root, Map<String, Object> config, @Nullable Account account,
            LinkSettings settings) {
        DeviceHarness harness = new DeviceHarness(root, config, account == null ? null : account.bridge, settings);
        if (account != null) {
            account.addChild(harness.handler);
        }
        return harness;
    }

    @Override
    public void close() throws Exception {
        accounts.forEach(Account::close);
        DysonCloudStandIn current = cloud;
        if (current != null) {
            current.close();
        }
        HttpClient client = http;
        if (client != null) {
            client.stop();
        }
        for (LoopbackWorld world : worlds.values()) {
            world.close();
        }
    }

    /** A real account handler against the cloud stand-in, with a Mockito callback. */
    static final class Account implements AutoCloseable {

        final Bridge bridge;
        final DysonAccountHandler handler;
        final ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
        final Storage<String> storage = MemoryStorage.create();
        private final List<ThingHandler> children = new CopyOnWriteArrayList<>();
        final String email;
        final DysonCloudStandIn cloud;

        Account(String email, DysonCloudStandIn cloud, HttpClient http) {
            this.email = email;
            this.cloud = cloud;
            Map<String, @Nullable Object> config = new HashMap<>();
            config.put("email", email);
            config.put("password", ACCOUNT_PASSWORD);
            config.put("countryCode", "GB");
            bridge = BridgeBuilder.create(DysonBindingConstants.THING_TYPE_ACCOUNT, email.replaceAll("\\W", "-"))
                    .withConfiguration(new Configuration(config)).build();
            handler = new DysonAccountHandler(bridge, http, storage, TestWorkers.SHARED, cloud.baseUrl());
            bridge.setHandler(handler);
            doAnswer(call -> {
                ThingStatusInfo info = call.getArgument(1);
                children.forEach(child -> child.bridgeStatusChanged(info));
                return null;
            }).when(callback).statusUpdated(any(), any());
            handler.setCallback(callback);
        }

        /** Core passes the bridge's status changes on to the handlers of its things, and tells the bridge of them. */
        void addChild(ThingHandler child) {
            children.add(child);
            handler.childHandlerInitialized(child, child.getThing());
        }

        /** Logs in as a user would: initialize, read the e-mailed code, enter it, wait for the device list. */
        Account logIn() {
            handler.initialize();
            await().atMost(WAIT).until(() -> bridge.getStatusInfo().getStatusDetail()
                    == ThingStatusDetail.CONFIGURATION_PENDING && cloud.lastCodeFor(email) != null);
            handler.handleConfigurationUpdate(Map.of("otpCode", DeviceHarness.nonNull(cloud.lastCodeFor(email))));
            await().atMost(WAIT)
                    .until(() -> bridge.getStatus() == ThingStatus.ONLINE && !handler.devices().isEmpty());
            return this;
        }

        @Override
        public void close() {
            handler.dispose();
        }
    }
}
