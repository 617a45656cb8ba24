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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;

import javax.jmdns.ServiceInfo;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.dyson.internal.DysonBindingConstants;
import org.openhab.binding.dyson.internal.MemoryStorage;
import org.openhab.binding.dyson.internal.TestWorkers;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * The same device found through the account and through mDNS: both results must share thing type, representation
 * property and its value (openHAB's inbox de-duplicates on exactly these), and the thing id.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DiscoveryPathsAgreeTest {

    private static final String SERIAL = "AB1-EU-KAA0000A";

    private final DiscoveryListener inbox = mock(DiscoveryListener.class);
    private final DysonDeviceDiscoveryService accountDiscovery = new DysonDeviceDiscoveryService();
    private final DysonMDNSDiscoveryParticipant mdnsDiscovery = new DysonMDNSDiscoveryParticipant(mock(ThingRegistry.class));
    private @Nullable Bridge account;

    /** The account handler is never initialised: it only serves its thing to the discovery service. */
    @BeforeEach
    void setUp() {
        Bridge bridge = BridgeBuilder.create(DysonBindingConstants.THING_TYPE_ACCOUNT, "home").build();
        account = bridge;
        accountDiscovery.setThingHandler(
                new DysonAccountHandler(bridge, new HttpClient(), MemoryStorage.create(), TestWorkers.SHARED, null));
        accountDiscovery.addDiscoveryListener(inbox);
        accountDiscovery.initialize();
    }

    @AfterEach
    void tearDown() {
        accountDiscovery.dispose();
    }

    private static CloudDevice cloudDevice(String serial, String root) {
        return new CloudDevice(serial, "Bedroom", root.substring(0, 3), null, "TP07", "Dyson Purifier Cool", "ec",
                "wifiOnly", true, "438KPF.00.01.003.0011", List.of(), root, "wss", "ZW5jcnlwdGVk");
    }

    /** The one result the account's discovery service has passed to the inbox (fails on none or several). */
    private DiscoveryResult theAccountResult() {
        ArgumentCaptor<DiscoveryResult> results = ArgumentCaptor.forClass(DiscoveryResult.class);
        verify(inbox).thingDiscovered(same(accountDiscovery), results.capture());
        return results.getValue();
    }

    private static ServiceInfo advertised(String instanceName) {
        return ServiceInfo.create(DysonMDNSDiscoveryParticipant.SERVICE_TYPE, instanceName, 1883, "");
    }

    @Test
    void accountAndMdnsResultsOfOneDeviceShareTypeRepresentationAndId() {
        accountDiscovery.devicesUpdated(List.of(cloudDevice(SERIAL, "438K")));
        DiscoveryResult mdns = mdnsDiscovery.createResult(advertised("438K_" + SERIAL));

        DiscoveryResult fromAccount = theAccountResult();
        assertNotNull(mdns);
        assertEquals(fromAccount.getThingTypeUID(), mdns.getThingTypeUID());
        assertEquals(fromAccount.getRepresentationProperty(), mdns.getRepresentationProperty());
        String property = mdns.getRepresentationProperty();
        assertEquals(SERIAL, fromAccount.getProperties().get(property));
        assertEquals(SERIAL, mdns.getProperties().get(property));
        assertEquals(fromAccount.getProperties().get(DysonBindingConstants.PROPERTY_PRODUCT_TYPE),
                mdns.getProperties().get(DysonBindingConstants.PROPERTY_PRODUCT_TYPE));
        assertEquals(fromAccount.getThingUID().getId(), mdns.getThingUID().getId());
        Bridge bridge = account;
        assertNotNull(bridge);
        assertEquals(bridge.getUID(), fromAccount.getBridgeUID());
        assertNull(mdns.getBridgeUID());
    }

    @Test
    void aThreeSixtyEyeFoundUnderItsOwnServiceAgreesWithTheAccount() {
        String serial = "JH1-EU-HBB1111A";
        accountDiscovery.devicesUpdated(List.of(new CloudDevice(serial, "Robot", "N223", null, "RB01",
                "Dyson 360 Eye", "robot", "wifiOnly", true, "11.3.5.10", List.of(), "N223", "wss", "ZW5jcnlwdGVk")));
        DiscoveryResult mdns = new Dyson360EyeMDNSDiscoveryParticipant(mock(ThingRegistry.class)).createResult(
                ServiceInfo.create(Dyson360EyeMDNSDiscoveryParticipant.SERVICE_TYPE, "360EYE-" + serial, 1883, ""));

        DiscoveryResult fromAccount = theAccountResult();
        assertNotNull(mdns);
        assertEquals(DysonBindingConstants.THING_TYPE_360_EYE, fromAccount.getThingTypeUID());
        assertEquals(fromAccount.getThingTypeUID(), mdns.getThingTypeUID());
        assertEquals(fromAccount.getRepresentationProperty(), mdns.getRepresentationProperty());
        assertEquals(serial, mdns.getProperties().get(mdns.getRepresentationProperty()));
        assertEquals(serial, fromAccount.getProperties().get(mdns.getRepresentationProperty()));
        assertEquals("N223", mdns.getProperties().get(DysonBindingConstants.PROPERTY_PRODUCT_TYPE));
        assertEquals(fromAccount.getThingUID().getId(), mdns.getThingUID().getId());
    }

    @Test
    void serialsThatNeedEscapingGetTheSameIdOnBothPaths() {
        String serial = "VS9.EU.AAA0000A";
        accountDiscovery.devicesUpdated(List.of(cloudDevice(serial, "475")));
        DiscoveryResult mdns = mdnsDiscovery.createResult(advertised("475_" + serial));

        assertNotNull(mdns);
        assertEquals(theAccountResult().getThingUID().getId(), mdns.getThingUID().getId());
        assertNotEquals(serial, mdns.getThingUID().getId());
        assertEquals(serial, mdns.getProperties().get(mdns.getRepresentationProperty()));
    }
}
