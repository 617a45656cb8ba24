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
package org.openhab.core.config.discovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.types.Command;

/**
 * Checks that the stand-in discovery services deliver results to listeners like openHAB Core.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class StandInDiscoveryTest {

    private static final ThingTypeUID PURIFIER = new ThingTypeUID("dyson", "purifier");
    private static final ThingUID DEVICE = new ThingUID(PURIFIER, "AB1");

    /**
     * A scan that reports one device; background discovery is counted.
     */
    static class OneDeviceDiscovery extends AbstractDiscoveryService {
        final AtomicInteger backgroundStarts = new AtomicInteger();
        final AtomicInteger backgroundStops = new AtomicInteger();

        OneDeviceDiscovery(int timeout) {
            super(Set.of(PURIFIER), timeout, true);
        }

        @Override
        protected void startScan() {
            thingDiscovered(DiscoveryResultBuilder.create(DEVICE).withLabel("Purifier")
                    .withProperty(Thing.PROPERTY_SERIAL_NUMBER, "AB1")
                    .withRepresentationProperty(Thing.PROPERTY_SERIAL_NUMBER).build());
        }

        void remove() {
            thingRemoved(DEVICE);
        }

        @Override
        protected void startBackgroundDiscovery() {
            backgroundStarts.incrementAndGet();
        }

        @Override
        protected void stopBackgroundDiscovery() {
            backgroundStops.incrementAndGet();
        }
    }

    /**
     * Any handler.
     */
    static class Handler extends BaseThingHandler {
        Handler() {
            super(ThingBuilder.create(new ThingTypeUID("dyson", "account"), "home").build());
        }

        @Override
        public void initialize() {
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
        }
    }

    /**
     * A discovery bound to {@link Handler}.
     */
    static class HandlerDiscovery extends AbstractThingHandlerDiscoveryService<Handler> {
        final AtomicInteger backgroundStarts = new AtomicInteger();

        HandlerDiscovery() {
            super(Handler.class, Set.of(PURIFIER), 5);
        }

        @Override
        protected void startScan() {
        }

        @Override
        protected void startBackgroundDiscovery() {
            backgroundStarts.incrementAndGet();
        }
    }

    @Test
    void resultsReachListenersAndAreReplayedToNewOnes() {
        OneDeviceDiscovery discovery = new OneDeviceDiscovery(0);
        DiscoveryListener early = mock(DiscoveryListener.class);
        discovery.addDiscoveryListener(early);

        discovery.startScan((ScanListener) null);

        verify(early).thingDiscovered(any(), any());
        DiscoveryListener late = mock(DiscoveryListener.class);
        discovery.addDiscoveryListener(late);
        verify(late).thingDiscovered(any(), any());

        discovery.remove();
        verify(early).thingRemoved(discovery, DEVICE);
        DiscoveryListener afterRemoval = mock(DiscoveryListener.class);
        discovery.addDiscoveryListener(afterRemoval);
        verify(afterRemoval, never()).thingDiscovered(any(), any());
    }

    @Test
    void builderFillsTypeFromUidAndKeepsFields() {
        ThingUID bridge = new ThingUID("dyson", "account", "home");
        DiscoveryResult result = DiscoveryResultBuilder.create(new ThingUID(PURIFIER, bridge, "AB1")).withBridge(bridge)
                .withProperties(Map.of("host", "127.0.0.1")).withLabel("Purifier").withTTL(60).build();

        assertEquals(PURIFIER, result.getThingTypeUID());
        assertEquals(bridge, result.getBridgeUID());
        assertEquals("127.0.0.1", result.getProperties().get("host"));
        assertEquals("dyson", result.getBindingId());
        assertEquals(60, result.getTimeToLive());
        assertEquals(DiscoveryResultFlag.NEW, result.getFlag());
        assertNull(result.getRepresentationProperty());
        assertThrows(IllegalArgumentException.class, () -> DiscoveryResultBuilder.create(DEVICE).withTTL(0).build());
    }

    @Test
    void scanFinishesAfterTimeoutOrAbort() {
        OneDeviceDiscovery discovery = new OneDeviceDiscovery(1);
        ScanListener finished = mock(ScanListener.class);
        discovery.startScan(finished);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(finished).onFinished());

        ScanListener aborted = mock(ScanListener.class);
        discovery.startScan(aborted);
        discovery.abortScan();
        verify(aborted).onErrorOccurred(any(CancellationException.class));
        verify(aborted, never()).onFinished();
    }

    @Test
    void backgroundDiscoveryFollowsConfiguration() {
        OneDeviceDiscovery discovery = new OneDeviceDiscovery(0);

        discovery.activate(Map.of(DiscoveryService.CONFIG_PROPERTY_BACKGROUND_DISCOVERY, "false"));
        assertEquals(0, discovery.backgroundStarts.get());
        discovery.modified(Map.of(DiscoveryService.CONFIG_PROPERTY_BACKGROUND_DISCOVERY, Boolean.TRUE));
        assertEquals(1, discovery.backgroundStarts.get());
        discovery.deactivate();
        assertEquals(1, discovery.backgroundStops.get());
    }

    @Test
    void handlerDiscoveryChecksHandlerTypeAndStartsOnInitialize() {
        HandlerDiscovery discovery = new HandlerDiscovery();
        Handler handler = new Handler();

        discovery.setThingHandler(handler);
        discovery.activate(null);
        assertEquals(0, discovery.backgroundStarts.get());
        discovery.initialize();

        assertSame(handler, discovery.getThingHandler());
        assertEquals(1, discovery.backgroundStarts.get());
        assertTrue(discovery.isBackgroundDiscoveryEnabled());
        BaseThingHandler other = new BaseThingHandler(handler.getThing()) {
            @Override
            public void initialize() {
            }

            @Override
            public void handleCommand(ChannelUID channelUID, Command command) {
            }
        };
        assertThrows(IllegalArgumentException.class, () -> discovery.setThingHandler(other));
    }
}
