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
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.dyson.internal.handler.HandlerTestWorld.WAIT;

import java.time.Duration;
import java.time.Instant;

import javax.measure.MetricPrefix;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.device.DysonChannel;
import org.openhab.binding.dyson.internal.testworld.LoopbackWorld;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * The connection-quality channels of a device thing against the loopback world.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class QualityChannelsTest {

    private final DiagnosticsFixture fixture;
    private @Nullable DeviceHarness started;

    private static @Nullable LoopbackWorld world;

    QualityChannelsTest() {
        fixture = new DiagnosticsFixture(DeviceHarness.nonNull(world));
    }

    @BeforeAll
    static void startWorld() throws Exception {
        world = DiagnosticsFixture.startWorld();
    }

    @AfterAll
    static void stopWorld() throws Exception {
        DeviceHarness.nonNull(world).close();
    }

    private Instant testStart = Instant.EPOCH;

    @BeforeEach
    void start() {
        testStart = Instant.now();
        started = fixture.startDevice();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private DeviceHarness device() {
        return DeviceHarness.nonNull(started);
    }

    private void refresh(DysonChannel channel) {
        device().command(channel, RefreshType.REFRESH);
    }

    @Test
    void aRefreshShowsTheFiguresAfterConnecting() {
        refresh(DysonChannel.LAST_MESSAGE);
        Instant afterRefresh = Instant.now();

        State last = device().state(DysonChannel.LAST_MESSAGE);
        assertInstanceOf(DateTimeType.class, last);
        Instant received = ((DateTimeType) last).getInstant();
        assertFalse(received.isBefore(testStart) || received.isAfter(afterRefresh), received.toString());
        assertEquals(UnDefType.UNDEF, device().state(DysonChannel.COMMAND_ROUND_TRIP), "no command yet");
        assertEquals(new DecimalType(0), device().state(DysonChannel.RECONNECTS));
        State messages = device().state(DysonChannel.MESSAGES_PER_HOUR);
        assertInstanceOf(DecimalType.class, messages);
        // ONLINE came with the answer to the three requests sent on connecting
        assertTrue(((DecimalType) messages).intValue() >= 4, "3 requests and an answer at least: " + messages);
    }

    @Test
    void aConfirmedCommandGivesTheRoundTripInMilliseconds() {
        int speed = "0003".equals(fixture.world.device().productState().get("fnsp")) ? 4 : 3;
        device().command(DysonChannel.FAN_SPEED, new DecimalType(speed));
        await().atMost(WAIT).until(() -> new DecimalType(speed).equals(device().state(DysonChannel.FAN_SPEED)));

        refresh(DysonChannel.COMMAND_ROUND_TRIP);

        State roundTrip = device().state(DysonChannel.COMMAND_ROUND_TRIP);
        assertInstanceOf(QuantityType.class, roundTrip);
        QuantityType<?> quantity = (QuantityType<?>) roundTrip;
        assertEquals(MetricPrefix.MILLI(Units.SECOND), quantity.getUnit());
        assertTrue(quantity.intValue() >= 0 && quantity.intValue() < WAIT.toMillis(), roundTrip.toString());
        Duration figure = DiagnosticsFixture.diagnostics(device()).snapshot().roundTrip();
        assertNotNull(figure);
        assertEquals(figure.toMillis(), quantity.longValue());
    }

    @Test
    void aReconnectCountsAndShowsWithoutARefresh() {
        refresh(DysonChannel.RECONNECTS);
        assertEquals(new DecimalType(0), device().state(DysonChannel.RECONNECTS));

        assertTrue(device().handler.reconnectNow());

        await().atMost(WAIT).until(() -> new DecimalType(1).equals(device().state(DysonChannel.RECONNECTS)));
        await().atMost(WAIT).until(() -> device().status() == ThingStatus.ONLINE);
    }

    @Test
    void aDisposedThingHasNothingToReconnect() {
        device().close();

        assertFalse(device().handler.reconnectNow());
    }
}
