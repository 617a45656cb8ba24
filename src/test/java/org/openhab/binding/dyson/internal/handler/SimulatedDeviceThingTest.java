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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.DysonBindingConstants;
import org.openhab.binding.dyson.internal.testworld.DysonTestWorld;
import org.openhab.binding.dyson.internal.testworld.DysonTestWorld.SimulatedDevice;
import org.openhab.binding.dyson.internal.testworld.SimulatorOptions;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.types.State;

/**
 * What doc/simulator.md promises: a device thing without a bridge, configured with the values the
 * simulator prints (thing type, serial number, product type, host 127.0.0.1, port, local password), goes ONLINE,
 * shows the simulated state and controls the simulated device.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class SimulatedDeviceThingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FAN_SPEED = "control#fan-speed";

    private static @TempDir @Nullable Path directory;
    private static @Nullable DysonTestWorld world;

    @BeforeAll
    static void startWorld() throws Exception {
        world = DysonTestWorld.start(
                SimulatorOptions.anyPorts(List.of("475", "664"), Duration.ZERO, nonNull(directory)), line -> {
                });
    }

    @AfterAll
    static void stopWorld() {
        nonNull(world).close();
    }

    private static <T> T nonNull(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    @ParameterizedTest
    @ValueSource(strings = { "475", "664" })
    void aLocalThingWithThePrintedValuesGoesOnlineAndControlsTheDevice(String family) {
        DysonTestWorld current = nonNull(world);
        SimulatedDevice device = current.devices().stream()
                .filter(d -> d.productType().rootTopic().equals(family)).findFirst().orElseThrow();
        Map<String, @Nullable Object> config = new HashMap<>();
        config.put("serialNumber", device.serial());
        config.put("productType", family);
        config.put("hostname", DysonTestWorld.HOST);
        config.put("port", BigDecimal.valueOf(current.brokerPort()));
        config.put("localPassword", device.localPassword());
        Thing thing = ThingBuilder
                .create(new ThingTypeUID(DysonBindingConstants.BINDING_ID, device.productType().thingTypeId()),
                        "simulated")
                .withConfiguration(new Configuration(config)).build();
        RecordingCallback callback = new RecordingCallback();
        DysonDeviceHandler handler = new DysonDeviceHandler(thing, LinkSettings.DEFAULT, TestWorkers.SHARED);
        handler.setCallback(callback.mock);
        handler.initialize();
        try {
            await().atMost(WAIT).until(() -> callback.statuses.contains(ThingStatus.ONLINE));
            await().atMost(WAIT).until(() -> callback.states.containsKey("status#transport"));
            assertEquals("LOCAL", String.valueOf(callback.states.get("status#transport")));
            int speed = "0003".equals(device.simulator().productState().get("fnsp")) ? 6 : 3;
            handler.handleCommand(new ChannelUID(thing.getUID(), FAN_SPEED), new DecimalType(speed));
            await().atMost(WAIT).until(() -> String.format("%04d", speed)
                    .equals(device.simulator().productState().get("fnsp")));
            await().atMost(WAIT)
                    .until(() -> String.valueOf(speed).equals(String.valueOf(callback.states.get(FAN_SPEED))));
        } finally {
            handler.dispose();
        }
    }

    /**
     * A Mockito callback that records statuses and the last state per channel, as openHAB's thing manager would pass
     * them on; every channel counts as linked.
     */
    private static final class RecordingCallback {

        final List<ThingStatus> statuses = new CopyOnWriteArrayList<>();
        final Map<String, State> states = new ConcurrentHashMap<>();
        final ThingHandlerCallback mock = mock(ThingHandlerCallback.class);

        RecordingCallback() {
            doAnswer(call -> states.put(call.<ChannelUID> getArgument(0).getId(), call.getArgument(1))).when(mock)
                    .stateUpdated(any(), any());
            doAnswer(call -> statuses.add(call.<ThingStatusInfo> getArgument(1).getStatus())).when(mock)
                    .statusUpdated(any(), any());
            when(mock.isChannelLinked(any())).thenReturn(true);
            when(mock.createChannelBuilder(any(), any()))
                    .thenAnswer(call -> ChannelBuilder.create(call.<ChannelUID> getArgument(0)));
            when(mock.editChannel(any(), any()))
                    .thenAnswer(call -> ChannelBuilder.create(call.<ChannelUID> getArgument(1)));
        }
    }
}
