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

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.dyson.internal.DysonBindingConstants;
import org.openhab.binding.dyson.internal.MemoryStorage;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * The MyDyson account bridge of the cloud things: a real {@link DysonAccountHandler} against the cloud stand-in, with
 * a Mockito callback that passes the bridge's status changes on to the handlers of its things, as core does.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SoakAccount implements AutoCloseable {

    static final String EMAIL = "soak@example.com";
    static final String PASSWORD = "soak-account-secret";
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);

    private final Bridge bridge;
    private final DysonAccountHandler handler;
    private final DysonCloudStandIn cloud;
    private final ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
    private final List<ThingHandler> children = new CopyOnWriteArrayList<>();

    SoakAccount(DysonCloudStandIn cloud, HttpClient http) {
        this.cloud = cloud;
        Map<String, @Nullable Object> config = new HashMap<>();
        config.put("email", EMAIL);
        config.put("password", PASSWORD);
        config.put("countryCode", "GB");
        bridge = BridgeBuilder.create(DysonBindingConstants.THING_TYPE_ACCOUNT, "soak")
                .withConfiguration(new Configuration(config)).build();
        handler = new DysonAccountHandler(bridge, http, MemoryStorage.create(), TestWorkers.SHARED, cloud.baseUrl());
        bridge.setHandler(handler);
        doAnswer(call -> {
            ThingStatusInfo info = call.getArgument(1);
            children.forEach(child -> child.bridgeStatusChanged(info));
            return null;
        }).when(callback).statusUpdated(any(), any());
        handler.setCallback(callback);
    }

    Bridge bridge() {
        return bridge;
    }

    /** Core tells the bridge about each of its things and passes status changes on to them. */
    void addChild(ThingHandler child) {
        children.add(child);
        handler.childHandlerInitialized(child, child.getThing());
    }

    /** Logs in as a user does: initialize, read the "e-mailed" code, enter it, wait for the device list. */
    void logIn() {
        handler.initialize();
        await().atMost(LOGIN_TIMEOUT).until(() -> bridge.getStatusInfo().getStatusDetail()
                == ThingStatusDetail.CONFIGURATION_PENDING && cloud.lastCodeFor(EMAIL) != null);
        String code = cloud.lastCodeFor(EMAIL);
        handler.handleConfigurationUpdate(Map.of("otpCode", code == null ? "" : code));
        await().atMost(LOGIN_TIMEOUT)
                .until(() -> bridge.getStatus() == ThingStatus.ONLINE && !handler.devices().isEmpty());
    }

    ThingStatus status() {
        return bridge.getStatus();
    }

    @Override
    public void close() {
        handler.dispose();
    }
}
