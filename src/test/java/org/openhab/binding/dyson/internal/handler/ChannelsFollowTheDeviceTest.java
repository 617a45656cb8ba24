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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.PASSWORD;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.DeviceThings;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.DeviceSimulator;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.RefreshType;

/**
 * Channels follow the device: the channels a device did not report in its first full report are removed, and one
 * whose key turns up later (a firmware update adds a sensor or a setting) comes back, built from the thing type's
 * group as core built it, and gets its state. Through the real handler, link and simulated device on loopback; its
 * own world, since the simulated device is changed.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ChannelsFollowTheDeviceTest {

    /** A Purifier Cool (TP11/PC1): no temperature or humidity sensor, no airflow direction. */
    private static final String ROOT = "438M";
    private static final HandlerTestWorld WORLD = new HandlerTestWorld(ROOT);

    private @Nullable DeviceHarness device;

    @AfterEach
    void disposeDevice() {
        DeviceHarness current = device;
        if (current != null) {
            current.close();
        }
    }

    @AfterAll
    static void stopWorld() throws Exception {
        WORLD.close();
    }

    private static @Nullable Channel channel(DeviceHarness harness, DysonChannel channel) {
        return harness.thing().getChannel(channel.uidSuffix());
    }

    @Test
    void aKeyThatAppearsLaterBringsItsChannelBackWithItsState() throws Exception {
        DeviceSimulator simulator = WORLD.world(ROOT).device();
        DeviceHarness harness = HandlerTestWorld.device(ROOT, WORLD.localConfig(ROOT, PASSWORD), null,
                WORLD.settings());
        device = harness;
        Thing asCreated = harness.thing();
        harness.start();
        await().atMost(WAIT).until(() -> harness.status() == ThingStatus.ONLINE);

        // the first full report lacks fdir and tact: their channels go
        await().atMost(WAIT).until(() -> channel(harness, DysonChannel.AIRFLOW_DIRECTION) == null
                && channel(harness, DysonChannel.TEMPERATURE) == null);
        int updates = harness.updatedThings.size();

        // a firmware update: the device now reports the airflow direction in its state
        simulator.changeSilently("fdir", "ON");
        harness.command(DysonChannel.POWER, RefreshType.REFRESH);
        await().atMost(WAIT).until(() -> channel(harness, DysonChannel.AIRFLOW_DIRECTION) != null);
        await().atMost(WAIT).until(() -> OnOffType.ON.equals(harness.state(DysonChannel.AIRFLOW_DIRECTION)));

        // ... and a temperature sensor in its sensor data
        String sensors = "{\"msg\":\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\",\"time\":\"2025-04-16T00:20:00.000Z\","
                + "\"data\":{\"tact\":\"2950\",\"p25r\":\"0005\",\"p10r\":\"0005\",\"pm25\":\"0003\","
                + "\"pm10\":\"0002\",\"sltm\":\"OFF\"}}";
        simulator.publishRaw(simulator.topics().current(), sensors.getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> channel(harness, DysonChannel.TEMPERATURE) != null);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(21.85,
                assertInstanceOf(QuantityType.class, harness.state(DysonChannel.TEMPERATURE))
                        .toUnit(SIUnits.CELSIUS).doubleValue(),
                0.001));

        // each came back once, in its group, as the thing type defines it (as when the thing was created)
        for (DysonChannel restored : List.of(DysonChannel.AIRFLOW_DIRECTION, DysonChannel.TEMPERATURE)) {
            Channel original = asCreated.getChannel(restored.uidSuffix());
            Channel back = channel(harness, restored);
            assertNotNull(original);
            assertNotNull(back);
            assertEquals(restored.group().id(), back.getUID().getGroupId());
            assertEquals(List.of(original.getUID(), String.valueOf(original.getChannelTypeUID()),
                    String.valueOf(original.getAcceptedItemType()), original.getKind()),
                    List.of(back.getUID(), String.valueOf(back.getChannelTypeUID()),
                            String.valueOf(back.getAcceptedItemType()), back.getKind()),
                    restored.uidSuffix());
        }
        assertEquals(updates + 2, harness.updatedThings.size(), "one thing update per returning key");
        // the others the device still lacks stay away; the thing keeps the thing type's channel order
        assertNull(channel(harness, DysonChannel.HUMIDITY));
        List<String> order = asCreated.getChannels().stream().map(c -> c.getUID().getId())
                .filter(id -> harness.thing().getChannel(id) != null).toList();
        assertEquals(order, harness.thing().getChannels().stream().map(c -> c.getUID().getId()).toList());
    }
}
