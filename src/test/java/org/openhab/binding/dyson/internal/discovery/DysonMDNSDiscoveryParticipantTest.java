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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import javax.jmdns.ServiceInfo;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.dyson.internal.DysonBindingConstants;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingUID;

/**
 * The mDNS participant: instance names to thing UIDs, results and what is not ours, with mocked service infos.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class DysonMDNSDiscoveryParticipantTest {

    private final DysonMDNSDiscoveryParticipant participant = new DysonMDNSDiscoveryParticipant(mock(ThingRegistry.class));

    private static ServiceInfo service(@Nullable String name, Inet4Address... addresses) {
        ServiceInfo info = mock(ServiceInfo.class);
        when(info.getName()).thenReturn(name);
        when(info.getType()).thenReturn(DysonMDNSDiscoveryParticipant.SERVICE_TYPE);
        when(info.getInet4Addresses()).thenReturn(addresses);
        return info;
    }

    private static Inet4Address ipv4(int... bytes) throws UnknownHostException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return (Inet4Address) InetAddress.getByAddress(raw);
    }

    @Test
    void listensForTheDysonMqttServiceAndOffersTheDeviceThingTypes() {
        assertEquals("_dyson_mqtt._tcp.local.", participant.getServiceType());
        assertEquals(DysonBindingConstants.DEVICE_THING_TYPES, participant.getSupportedThingTypeUIDs());
    }

    @ParameterizedTest
    @CsvSource({ "475_AB1-EU-HAA0000A, dyson:pure-cool-link:AB1-EU-HAA0000A",
            "469_AB2-EU-HAA0000A, dyson:pure-cool-link:AB2-EU-HAA0000A",
            "455_NN2-EU-JAA0000A, dyson:pure-hot-cool-link:NN2-EU-JAA0000A",
            "438K_AB1-EU-KAA0000A, dyson:pure-cool:AB1-EU-KAA0000A",
            "438k_AB1-EU-KAA0000B, dyson:pure-cool:AB1-EU-KAA0000B",
            "520_XY1-EU-AAA0000A, dyson:pure-cool:XY1-EU-AAA0000A",
            "527M_HP1-EU-MAA0000A, dyson:pure-hot-cool:HP1-EU-MAA0000A",
            "358E_PH3-EU-EAA0000A, dyson:pure-humidify-cool:PH3-EU-EAA0000A",
            "664_BP4-EU-PAA0000A, dyson:big-quiet:BP4-EU-PAA0000A",
            "438_VS9.EU.AAA0000A, dyson:pure-cool:VS9_EU_AAA0000A",
            "N223_RB1-EU-AAA0000A, dyson:360-eye:RB1-EU-AAA0000A",
            "276_RB2-EU-AAA0000A, dyson:360-heurist:RB2-EU-AAA0000A",
            "277_RB3-EU-AAA0000A, dyson:360-vis-nav:RB3-EU-AAA0000A" })
    void instanceNameGivesTheFamilyThingWithTheSerialAsId(String instanceName, String expectedUid) {
        ThingUID uid = participant.getThingUID(service(instanceName));

        assertEquals(new ThingUID(expectedUid), uid);
    }

    @Test
    void thingIdFollowsTheAccountDiscoveryRule() {
        ThingUID uid = participant.getThingUID(service("438_VS9.EU.AAA0000A"));

        assertNotNull(uid);
        assertEquals(DysonDeviceDiscoveryService.thingId("VS9.EU.AAA0000A"), uid.getId());
        assertEquals(List.of(), uid.getBridgeIds());
    }

    @ParameterizedTest
    @ValueSource(strings = { "360EYE-JH1-EU-AAA0000A", "552_LM1-EU-AAA0000A", "999_AB1-EU-KAA0000A", "AB1-EU-KAA0000A", "475_", "_AB1-EU-KAA0000A",
            "475_AB1_EU_KAA0000A", "475_AB1 EU", "475_AB1/EU/#", "", "Living room fan" })
    void servicesThatAreNoKnownDevicesAreNotOurs(String instanceName) throws Exception {
        ServiceInfo info = service(instanceName, ipv4(192, 168, 1, 20));

        assertNull(participant.getThingUID(info));
        assertNull(participant.createResult(info));
    }

    @ParameterizedTest
    @NullSource
    void aServiceWithoutNameIsNotOurs(@Nullable String instanceName) {
        assertNull(participant.getThingUID(service(instanceName)));
        assertNull(participant.createResult(service(instanceName)));
    }

    @Test
    void resultCarriesSerialProductTypeAndIpv4AddressWithTheSerialAsRepresentation() throws Exception {
        ServiceInfo info = service("438k_AB1-EU-KAA0000A", ipv4(192, 168, 1, 23), ipv4(10, 0, 0, 5));

        DiscoveryResult result = participant.createResult(info);

        assertNotNull(result);
        assertEquals(participant.getThingUID(info), result.getThingUID());
        assertEquals(DysonBindingConstants.THING_TYPE_PURE_COOL, result.getThingTypeUID());
        assertNull(result.getBridgeUID());
        assertEquals(Map.of("serialNumber", "AB1-EU-KAA0000A", "productType", "438K", "hostname", "192.168.1.23"),
                result.getProperties());
        assertEquals("serialNumber", result.getRepresentationProperty());
    }

    @Test
    void labelNamesProductAndSerialButNoAddress() throws Exception {
        DiscoveryResult result = participant.createResult(service("527M_HP1-EU-MAA0000A", ipv4(192, 168, 7, 42)));

        assertNotNull(result);
        assertEquals("@text/discovery.dyson.mdns.label [\"Purifier Hot+Cool\", \"HP1-EU-MAA0000A\"]",
                result.getLabel());
        assertFalse(result.getLabel().contains("192.168"), result.getLabel());
    }

    @Test
    void labelKeyFormatsToProductNameAndSerial() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader()
                .getResourceAsStream("OH-INF/i18n/dyson.properties"))) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String pattern = texts.getProperty("discovery.dyson.mdns.label");
        assertNotNull(pattern);

        assertEquals("Dyson Purifier Hot+Cool (HP1-EU-MAA0000A)",
                MessageFormat.format(pattern, "Purifier Hot+Cool", "HP1-EU-MAA0000A"));
    }

    @Test
    void withoutIpv4AddressTheResultHasNoHostname() {
        DiscoveryResult result = participant.createResult(service("664_BP4-EU-PAA0000A"));

        assertNotNull(result);
        assertFalse(result.getProperties().containsKey("hostname"), result.getProperties().toString());
        assertEquals("664", result.getProperties().get("productType"));
    }

    @Test
    void inboxEntriesOutliveShortAdvertisingGaps() {
        assertTrue(participant.getRemovalGracePeriodSeconds(service("475_AB1-EU-HAA0000A")) >= 60);
    }

    @Test
    void anAnnouncementWakesTheThingOfThatDeviceWithItsAddress() throws Exception {
        ThingRegistry things = mock(ThingRegistry.class);
        DysonDeviceHandler announced = mock(DysonDeviceHandler.class);
        DysonDeviceHandler other = mock(DysonDeviceHandler.class);
        when(announced.serves("AB1-EU-KAA0000A")).thenReturn(true);
        Thing announcedThing = mock(Thing.class);
        Thing otherThing = mock(Thing.class);
        Thing notOurs = mock(Thing.class);
        when(announcedThing.getHandler()).thenReturn(announced);
        when(otherThing.getHandler()).thenReturn(other);
        when(things.stream()).thenAnswer(call -> Stream.of(notOurs, otherThing, announcedThing));

        new DysonMDNSDiscoveryParticipant(things).createResult(service("438K_AB1-EU-KAA0000A", ipv4(192, 0, 2, 7)));

        verify(announced).deviceAnnounced("192.0.2.7");
        verify(other, never()).deviceAnnounced(any());
    }

    @Test
    void theEyeAnnouncesItselfUnderItsOwnService() throws Exception {
        Dyson360EyeMDNSDiscoveryParticipant eye = new Dyson360EyeMDNSDiscoveryParticipant(mock(ThingRegistry.class));
        assertEquals("_360eye_mqtt._tcp.local.", eye.getServiceType());
        assertEquals(Set.of(DysonBindingConstants.THING_TYPE_360_EYE), eye.getSupportedThingTypeUIDs());

        DiscoveryResult result = eye.createResult(service("360EYE-JH1-EU-AAA0000A", ipv4(192, 168, 1, 31)));

        assertNotNull(result);
        assertEquals(new ThingUID("dyson:360-eye:JH1-EU-AAA0000A"), result.getThingUID());
        assertEquals(Map.of("serialNumber", "JH1-EU-AAA0000A", "productType", "N223", "hostname", "192.168.1.31"),
                result.getProperties());
        assertEquals("serialNumber", result.getRepresentationProperty());
        assertEquals("@text/discovery.dyson.mdns.label [\"360 Eye\", \"JH1-EU-AAA0000A\"]", result.getLabel());
        for (String notAnEye : List.of("N223_JH1-EU-AAA0000A", "475_AB1-EU-HAA0000A", "360EYE-", "360EYE JH1",
                "DYSON-JH1-EU-AAA0000A-N223")) {
            assertNull(eye.getThingUID(service(notAnEye)), notAnEye);
        }
    }
}
