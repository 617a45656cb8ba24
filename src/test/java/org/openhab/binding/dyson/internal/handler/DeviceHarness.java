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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DeviceThings;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A {@link DysonDeviceHandler} on a thing with all channels of its family, driven by a Mockito
 * {@link ThingHandlerCallback} that records states, statuses, thing updates and triggers the way core would see them.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class DeviceHarness implements AutoCloseable {

    final ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
    final Map<String, State> states = new ConcurrentHashMap<>();
    final List<ThingStatusInfo> statuses = new CopyOnWriteArrayList<>();
    final List<Thing> updatedThings = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final DysonDeviceHandler handler;
    private final Thing thing;
    private boolean disposed;

    /**
     * @param root the MQTT root topic (product type) that picks the thing type
     * @param bridge the account bridge, or null for a local-only thing
     */
    DeviceHarness(String root, Map<String, Object> config, @Nullable Bridge bridge, LinkSettings settings) {
        this(root, "device", config, bridge, settings);
    }

    /** @param id the thing id (discovery makes it the serial number) */
    DeviceHarness(String root, String id, Map<String, Object> config, @Nullable Bridge bridge,
            LinkSettings settings) {
        thing = DeviceThings.build(root, id, config, bridge);
        handler = new DysonDeviceHandler(thing, settings, TestWorkers.SHARED);
        thing.setHandler(handler);
        doAnswer(call -> states.put(call.<ChannelUID> getArgument(0).getId(), call.getArgument(1))).when(callback)
                .stateUpdated(any(), any());
        doAnswer(call -> statuses.add(call.getArgument(1))).when(callback).statusUpdated(any(), any());
        doAnswer(call -> updatedThings.add(call.getArgument(0))).when(callback).thingUpdated(any());
        doAnswer(call -> events.add(call.getArgument(2))).when(callback).channelTriggered(any(), any(), any());
        doAnswer(call -> bridge).when(callback).getBridge(any());
        // as core builds channels from the thing type's group definitions
        doAnswer(call -> DeviceThings.channelBuilders(call.getArgument(0), call.getArgument(1))).when(callback)
                .createChannelBuilders(any(), any());
        handler.setCallback(callback);
    }

    DeviceHarness start() {
        handler.initialize();
        return this;
    }

    Thing thing() {
        return handler.getThing();
    }

    ThingStatus status() {
        return thing().getStatus();
    }

    ThingStatusInfo statusInfo() {
        return thing().getStatusInfo();
    }

    @Nullable
    State state(DysonChannel channel) {
        return states.get(channel.uidSuffix());
    }

    ChannelUID uid(DysonChannel channel) {
        return new ChannelUID(thing.getUID(), channel.uidSuffix());
    }

    void command(DysonChannel channel, Command command) {
        handler.handleCommand(uid(channel), command);
    }

    /** How many calls the callback has seen so far. */
    int callbackCalls() {
        return mockingDetails(callback).getInvocations().size();
    }

    @Override
    public void close() {
        if (!disposed) {
            disposed = true;
            handler.dispose();
        }
    }

    static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new AssertionError("unexpected null");
        }
        return value;
    }
}
