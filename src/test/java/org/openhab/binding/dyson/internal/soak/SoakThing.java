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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DeviceThings;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * One device thing as openHAB would run it: a real {@link DysonDeviceHandler} on a thing with all channels of its
 * family, and a Mockito {@link ThingHandlerCallback} through which the soak sees what core would see: status changes
 * (counted as reconnects), channel states (handed to a listener) and the time of the latest state update.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SoakThing implements AutoCloseable {

    private final String serial;
    private final boolean cloud;
    private final Thing thing;
    private final DysonDeviceHandler handler;
    private final ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
    private final AtomicInteger backOnline = new AtomicInteger();
    private final AtomicInteger wentOffline = new AtomicInteger();
    private final AtomicInteger transportUps = new AtomicInteger();
    private volatile BiConsumer<String, State> stateListener = (channel, state) -> {
    };
    private volatile ThingStatus status = ThingStatus.UNINITIALIZED;
    private volatile @Nullable String statusDescription;
    private volatile Instant lastStateUpdate = Instant.EPOCH;
    private volatile boolean everOnline;
    private boolean disposed;

    /**
     * @param root MQTT root topic (product type) of the device
     * @param bridge the account bridge (cloud things) or null (local things)
     */
    SoakThing(String serial, String root, Map<String, Object> config, @Nullable Bridge bridge, LinkSettings settings) {
        this.serial = serial;
        this.cloud = bridge != null;
        thing = DeviceThings.build(root, serial.toLowerCase().replaceAll("[^a-z0-9]", ""), config, bridge);
        handler = new DysonDeviceHandler(thing, settings, TestWorkers.SHARED);
        thing.setHandler(handler);
        doAnswer(call -> {
            onState(call.<ChannelUID> getArgument(0).getId(), call.getArgument(1));
            return null;
        }).when(callback).stateUpdated(any(), any());
        doAnswer(call -> {
            onStatus(call.getArgument(1));
            return null;
        }).when(callback).statusUpdated(any(), any());
        doAnswer(call -> bridge).when(callback).getBridge(any());
        handler.setCallback(callback);
    }

    private void onState(String channelId, State state) {
        lastStateUpdate = Instant.now();
        if (channelId.equals(DysonChannel.TRANSPORT.uidSuffix()) && state instanceof StringType text
                && !"NONE".equals(text.toString())) {
            transportUps.incrementAndGet();
        }
        stateListener.accept(channelId, state);
    }

    private void onStatus(ThingStatusInfo info) {
        ThingStatus previous = status;
        status = info.getStatus();
        statusDescription = info.getDescription();
        if (info.getStatus() == ThingStatus.ONLINE && previous != ThingStatus.ONLINE) {
            if (everOnline) {
                backOnline.incrementAndGet();
            }
            everOnline = true;
        } else if (previous == ThingStatus.ONLINE && info.getStatus() != ThingStatus.ONLINE) {
            wentOffline.incrementAndGet();
        }
    }

    void start() {
        handler.initialize();
    }

    void onState(BiConsumer<String, State> listener) {
        stateListener = listener;
    }

    void command(DysonChannel channel, Command command) {
        handler.handleCommand(new ChannelUID(thing.getUID(), channel.uidSuffix()), command);
    }

    DysonDeviceHandler handler() {
        return handler;
    }

    String serial() {
        return serial;
    }

    /** Whether the thing is under the account and forced onto the cloud. */
    boolean isCloud() {
        return cloud;
    }

    ThingStatus status() {
        return status;
    }

    @Nullable
    String statusDescription() {
        return statusDescription;
    }

    boolean isOnline() {
        return status == ThingStatus.ONLINE;
    }

    Instant lastStateUpdate() {
        return lastStateUpdate;
    }

    /** ONLINE again after having been ONLINE before and then not. */
    int backOnline() {
        return backOnline.get();
    }

    int wentOffline() {
        return wentOffline.get();
    }

    /** {@code status#transport} updates to LOCAL or CLOUD: one per (re)connection the handler reported. */
    int transportUps() {
        return transportUps.get();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (disposed) {
                return;
            }
            disposed = true;
        }
        handler.dispose();
    }
}
