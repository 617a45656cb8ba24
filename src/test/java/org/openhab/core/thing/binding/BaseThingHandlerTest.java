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
package org.openhab.core.thing.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.types.Command;

/**
 * Checks that the stand-in {@link BaseThingHandler} reaches the callback the way openHAB Core does.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class BaseThingHandlerTest {

    private static final ThingTypeUID TYPE = new ThingTypeUID("dyson", "purifier");
    private static final ThingUID BRIDGE_UID = new ThingUID("dyson", "account", "home");

    private final ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
    private Thing thing = ThingBuilder.create(TYPE, "dev").build();
    private TestHandler handler = new TestHandler(thing);

    /**
     * A handler that exposes the protected API.
     */
    static class TestHandler extends BaseThingHandler {
        int initializeCalls;

        TestHandler(Thing thing) {
            super(thing);
        }

        @Override
        public void initialize() {
            initializeCalls++;
            updateStatus(ThingStatus.UNKNOWN);
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
        }
    }

    /**
     * A configuration class like a binding's.
     */
    public static class SampleConfig {
        public String serialNumber = "";
        public int refreshInterval = 30;
        public long timeoutMillis = 1;
        public double offset;
        public boolean local = false;
        public @Nullable Integer port;
        public @Nullable BigDecimal threshold;
        public String untouched = "default";
    }

    @BeforeEach
    void setUp() {
        thing = ThingBuilder.create(TYPE, "dev").withBridge(BRIDGE_UID).withConfiguration(new Configuration(Map.of(
                "serialNumber", "AB1-EU-XXX0000A", "refreshInterval", "45", "timeoutMillis", new BigDecimal("1500"),
                "offset", new BigDecimal("-1.5"), "local", "true", "port", 1883, "threshold", "12.5"))).build();
        handler = new TestHandler(thing);
        handler.setCallback(callback);
    }

    @Test
    void updateStatusReachesCallbackAndThing() {
        handler.updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.timeout");

        ThingStatusInfo expected = new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                "@text/offline.timeout");
        verify(callback).statusUpdated(thing, expected);
        assertEquals(expected, thing.getStatusInfo());
    }

    @Test
    void updateStatusWithoutCallbackIsSkipped() {
        handler.setCallback(null);

        handler.updateStatus(ThingStatus.ONLINE);
        handler.updateState("power", OnOffType.ON);

        assertEquals(ThingStatus.UNINITIALIZED, thing.getStatus());
        verifyNoInteractions(callback);
    }

    @Test
    void updateStateUsesChannelOfThisThing() {
        handler.updateState("power", OnOffType.ON);
        handler.updateState(new ChannelUID(thing.getUID(), "control", "mode"), new StringType("AUTO"));

        verify(callback).stateUpdated(new ChannelUID("dyson:purifier:dev:power"), OnOffType.ON);
        verify(callback).stateUpdated(new ChannelUID("dyson:purifier:dev:control#mode"), new StringType("AUTO"));
    }

    @Test
    void triggerChannelReachesCallback() {
        handler.triggerChannel("filter-alert", "LOW");

        verify(callback).channelTriggered(thing, new ChannelUID(thing.getUID(), "filter-alert"), "LOW");
    }

    @Test
    void updatePropertyOnlyWhenChanged() {
        handler.updateProperty(Thing.PROPERTY_FIRMWARE_VERSION, "21.04.03");
        handler.updateProperty(Thing.PROPERTY_FIRMWARE_VERSION, "21.04.03");
        handler.updateProperties(Map.of(Thing.PROPERTY_FIRMWARE_VERSION, "21.04.03"));

        verify(callback, times(1)).thingUpdated(thing);
        assertEquals("21.04.03", thing.getProperties().get(Thing.PROPERTY_FIRMWARE_VERSION));

        handler.updateProperty(Thing.PROPERTY_FIRMWARE_VERSION, "22.01.01");
        verify(callback, times(2)).thingUpdated(thing);
    }

    @Test
    void getConfigAsConvertsLikeCore() {
        SampleConfig config = handler.getConfigAs(SampleConfig.class);

        assertEquals("AB1-EU-XXX0000A", config.serialNumber);
        assertEquals(45, config.refreshInterval);
        assertEquals(1500L, config.timeoutMillis);
        assertEquals(-1.5, config.offset);
        assertTrue(config.local);
        assertEquals(Integer.valueOf(1883), config.port);
        assertEquals(new BigDecimal("12.5"), config.threshold);
        assertEquals("default", config.untouched);
    }

    @Test
    void configurationStoresNumbersAsBigDecimal() {
        assertEquals(new BigDecimal("1883"), thing.getConfiguration().get("port"));
    }

    @Test
    void updateConfigurationChangesThingAndInformsCallback() {
        Configuration configuration = handler.editConfiguration();
        configuration.put("serialNumber", "NEW-SERIAL");
        assertEquals("AB1-EU-XXX0000A", thing.getConfiguration().get("serialNumber"));

        handler.updateConfiguration(configuration);

        assertEquals("NEW-SERIAL", thing.getConfiguration().get("serialNumber"));
        verify(callback).thingUpdated(thing);
    }

    @Test
    void handleConfigurationUpdateReinitializesAnInitializedHandler() {
        handler.initialize();
        Map<String, Object> update = new HashMap<>();
        update.put("refreshInterval", new BigDecimal("60"));

        handler.handleConfigurationUpdate(update);

        assertEquals(2, handler.initializeCalls);
        assertEquals(60, handler.getConfigAs(SampleConfig.class).refreshInterval);
        verify(callback).validateConfigurationParameters(thing, update);
    }

    @Test
    void getBridgeAsksCallback() {
        Bridge bridge = BridgeBuilder.create(new ThingTypeUID("dyson", "account"), BRIDGE_UID).build();
        when(callback.getBridge(BRIDGE_UID)).thenReturn(bridge);

        assertSame(bridge, handler.getBridge());
    }

    @Test
    void isLinkedAsksCallback() {
        when(callback.isChannelLinked(new ChannelUID(thing.getUID(), "power"))).thenReturn(true);

        assertTrue(handler.isLinked("power"));
        assertFalse(handler.isLinked("pm25"));
    }

    @Test
    void bridgeOfflineTakesThingOfflineAndBackOnline() {
        handler.updateStatus(ThingStatus.ONLINE);

        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.NONE, null));
        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, null),
                thing.getStatusInfo());

        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        assertEquals(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null), thing.getStatusInfo());
    }

    @Test
    void bridgeOnlineDoesNotReviveThingOfflineForOtherReasons() {
        handler.updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR);

        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));

        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, thing.getStatusInfo().getStatusDetail());
        verify(callback, times(1)).statusUpdated(any(), any(ThingStatusInfo.class));
    }

    @Test
    void updateThingRejectsTheCurrentThing() {
        assertThrows(IllegalArgumentException.class, () -> handler.updateThing(thing));

        Thing copy = handler.editThing().withLabel("Living Room").build();
        handler.updateThing(copy);

        assertSame(copy, handler.getThing());
        assertEquals(BRIDGE_UID, copy.getBridgeUID());
        verify(callback).thingUpdated(copy);
    }

    @Test
    void schedulerRunsTasks() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);

        handler.scheduler.schedule(ran::countDown, 10, TimeUnit.MILLISECONDS);

        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, handler.scheduler::shutdown);
    }

    @Test
    void factoryRegistersAndUnregistersHandlers() {
        Thing[] removed = new Thing[1];
        BaseThingHandlerFactory factory = new BaseThingHandlerFactory() {
            @Override
            public boolean supportsThingType(ThingTypeUID thingTypeUID) {
                return TYPE.equals(thingTypeUID);
            }

            @Override
            protected @Nullable ThingHandler createHandler(Thing thing) {
                return supportsThingType(thing.getThingTypeUID()) ? new TestHandler(thing) : null;
            }

            @Override
            protected void removeHandler(ThingHandler thingHandler) {
                removed[0] = thingHandler.getThing();
            }
        };

        ThingHandler created = factory.registerHandler(thing);
        thing.setHandler(created);
        factory.unregisterHandler(thing);

        assertSame(thing, removed[0]);
        Thing other = ThingBuilder.create(new ThingTypeUID("dyson", "other"), "x").build();
        assertThrows(IllegalStateException.class, () -> factory.registerHandler(other));
        assertNull(factory.createThing(TYPE, new Configuration(), null, null));
    }
}
