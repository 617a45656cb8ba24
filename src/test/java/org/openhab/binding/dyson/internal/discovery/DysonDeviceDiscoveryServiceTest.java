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
package org.openhab.binding.dyson.internal.discovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.CONFIG_SERIAL_NUMBER;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_360_EYE;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_BIG_QUIET;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_PURE_COOL;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_PURE_COOL_LINK;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_PURE_HOT_COOL;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_PURE_HUMIDIFY_COOL;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.BRIDGE_UID;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.CLOUD_ONLY;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.EMAIL;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.ENTER_CODE;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.LINK;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.PURIFIER;
import static org.openhab.binding.dyson.internal.handler.AccountFixture.TIMEOUT;
import static org.openhab.binding.dyson.internal.testworld.DysonCloudStandIn.PATH_MANIFEST;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.handler.AccountFixture;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.binding.dyson.internal.testworld.StandInDevice;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * The account's discovery service set up as openHAB does it (handler injected, initialized, listener added), with
 * the real account handler logged in to the Dyson cloud stand-in: which devices reach the inbox, with what, and how
 * they leave it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonDeviceDiscoveryServiceTest {

    /** Supported product, no user-assigned name: the label is the product name. */
    private static final StandInDevice HUMIDIFIER = StandInDevice.purifier("GH4-EU-NKA1111D", "358", "K", "PH04")
            .withName(null);
    private static final StandInDevice BIG_QUIET = StandInDevice.purifier("JK5-EU-RAA2222E", "664", null, "BP03");
    /** Supported product types, but no MQTT: Bluetooth only and not connected. */
    private static final StandInDevice BLUETOOTH_ONLY = StandInDevice.purifier("LM6-EU-KAA3333F", "438", "K", "TP07")
            .notConnected("lecOnly");
    private static final StandInDevice NOT_CONNECTED = StandInDevice.purifier("NP7-EU-MEA4444G", "475", null, "TP02")
            .notConnected("nonConnected");
    /** A robot vacuum (360 Eye), listed with category "robot": offered as a 360-eye thing. */
    private static final StandInDevice ROBOT = StandInDevice.purifier("QR8-EU-HAA5555H", "N223", null, "RB01");

    /** Records what the service reports through a Mockito {@link DiscoveryListener}, as the inbox would. */
    private static final class Inbox {
        final Map<ThingUID, DiscoveryResult> results = new ConcurrentHashMap<>();
        final List<ThingUID> removed = new CopyOnWriteArrayList<>();
        final DiscoveryListener listener = mock(DiscoveryListener.class);

        Inbox() {
            doAnswer(call -> {
                DiscoveryResult result = call.getArgument(1);
                return results.put(result.getThingUID(), result);
            }).when(listener).thingDiscovered(any(), any());
            doAnswer(call -> {
                ThingUID thingUID = call.getArgument(1);
                results.remove(thingUID);
                return removed.add(thingUID);
            }).when(listener).thingRemoved(any(), any());
        }
    }

    private final Inbox inbox = new Inbox();
    private @NonNullByDefault({}) AccountFixture world;
    private @NonNullByDefault({}) DysonDeviceDiscoveryService service;

    @BeforeEach
    void setUp() throws Exception {
        world = new AccountFixture();
        for (StandInDevice device : List.of(HUMIDIFIER, BIG_QUIET, BLUETOOTH_ONLY, NOT_CONNECTED, ROBOT)) {
            world.standIn.addDevice(EMAIL, device);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        DysonDeviceDiscoveryService current = service;
        if (current != null) {
            current.dispose();
        }
        world.close();
    }

    @Test
    void offersEachSupportedMqttDeviceOnceWithItsFacts() {
        startService(world.loggedIn());

        await().atMost(TIMEOUT).until(() -> inbox.results.size() == 6);
        assertEquals(Map.of(uid(THING_TYPE_PURE_COOL, PURIFIER), THING_TYPE_PURE_COOL,
                uid(THING_TYPE_PURE_HOT_COOL, CLOUD_ONLY), THING_TYPE_PURE_HOT_COOL,
                uid(THING_TYPE_PURE_COOL_LINK, LINK), THING_TYPE_PURE_COOL_LINK,
                uid(THING_TYPE_PURE_HUMIDIFY_COOL, HUMIDIFIER), THING_TYPE_PURE_HUMIDIFY_COOL,
                uid(THING_TYPE_BIG_QUIET, BIG_QUIET), THING_TYPE_BIG_QUIET, uid(THING_TYPE_360_EYE, ROBOT),
                THING_TYPE_360_EYE),
                inbox.results.values().stream()
                        .collect(Collectors.toMap(DiscoveryResult::getThingUID, DiscoveryResult::getThingTypeUID)));
        for (DiscoveryResult result : inbox.results.values()) {
            assertEquals(BRIDGE_UID, result.getBridgeUID());
            assertEquals(CONFIG_SERIAL_NUMBER, result.getRepresentationProperty());
        }

        DiscoveryResult purifier = inbox.results.get(uid(THING_TYPE_PURE_COOL, PURIFIER));
        assertEquals("Bedroom TP07", purifier.getLabel());
        assertEquals(Map.of("serialNumber", PURIFIER.serial(), "productType", "438K", "modelId", "TP07",
                "firmwareVersion", "438KPF.00.01.003.0011"), purifier.getProperties());
        DiscoveryResult humidifier = inbox.results.get(uid(THING_TYPE_PURE_HUMIDIFY_COOL, HUMIDIFIER));
        assertEquals(HUMIDIFIER.productName(), humidifier.getLabel());
        assertEquals("358K", humidifier.getProperties().get("productType"));
        DiscoveryResult link = inbox.results.get(uid(THING_TYPE_PURE_COOL_LINK, LINK));
        assertEquals("475", link.getProperties().get("productType"));
        DiscoveryResult robot = inbox.results.get(uid(THING_TYPE_360_EYE, ROBOT));
        assertEquals(Map.of("serialNumber", ROBOT.serial(), "productType", "N223", "modelId", "RB01"),
                robot.getProperties().entrySet().stream().filter(e -> !"firmwareVersion".equals(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(List.of(), inbox.removed);
    }

    @Test
    void deviceThatLeftTheAccountIsWithdrawnOnTheNextScan() {
        startService(world.loggedIn());
        await().atMost(TIMEOUT).until(() -> inbox.results.size() == 6);

        world.standIn.removeDevice(EMAIL, LINK.serial());
        service.startScan(null);

        await().atMost(TIMEOUT).until(() -> inbox.removed.equals(List.of(uid(THING_TYPE_PURE_COOL_LINK, LINK))));
        assertEquals(5, inbox.results.size());
        assertTrue(inbox.results.containsKey(uid(THING_TYPE_PURE_COOL, PURIFIER)));
    }

    @Test
    void scanReadsTheDeviceListAgain() {
        startService(world.loggedIn());
        await().atMost(TIMEOUT).until(() -> inbox.results.size() == 6);
        int manifests = world.standIn.requestCount(PATH_MANIFEST);

        StandInDevice added = StandInDevice.purifier("ST9-EU-MHA6666J", "527", "K", "HP09");
        world.standIn.addDevice(EMAIL, added);
        service.startScan(null);

        await().atMost(TIMEOUT).until(() -> inbox.results.containsKey(uid(THING_TYPE_PURE_HOT_COOL, added)));
        assertEquals(manifests + 1, world.standIn.requestCount(PATH_MANIFEST));
    }

    @Test
    void serviceStartedBeforeTheLoginOffersTheDevicesOnceLoggedIn() {
        DysonAccountHandler handler = world.startNew();
        startService(handler);
        world.awaitStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, ENTER_CODE);
        assertEquals(Map.of(), inbox.results);

        world.enterCode(world.mailedCode());

        await().atMost(TIMEOUT).until(() -> inbox.results.size() == 6);
    }

    /** As openHAB's handler factory does: inject the handler, initialize; then the inbox registers. */
    private void startService(DysonAccountHandler handler) {
        service = new DysonDeviceDiscoveryService();
        service.setThingHandler(handler);
        service.initialize();
        service.addDiscoveryListener(inbox.listener);
    }

    private static ThingUID uid(ThingTypeUID type, StandInDevice device) {
        return new ThingUID(type, BRIDGE_UID, device.serial());
    }
}
