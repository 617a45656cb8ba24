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
package org.openhab.binding.dyson.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.protocol.DeviceEvents;
import org.openhab.binding.dyson.internal.protocol.RobotEvents;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The channel catalogue (Java) and the thing XML agree, and the XML only uses what openHAB 4.3 and 5.x both accept.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ThingXmlConsistencyTest {

    /**
     * Channel categories that name an icon of openHAB's classic icon set (the categories page of the openHAB docs plus
     * the classic icons fan, error, incline and network): the UI shows the icon for items linked to the channel.
     */
    private static final Set<String> ICON_CATEGORIES = Set.of("Switch", "Text", "Number", "Slider", "Humidity",
            "Moon", "Rain", "Snow", "Sun", "Temperature", "Wind", "BatteryLevel", "CarbonDioxide", "Energy", "Fire",
            "Flow", "Gas", "Light", "LowBattery", "Motion", "Oil", "Pressure", "QualityOfService", "Smoke",
            "SoundVolume", "Time", "Water", "Heating", "MediaControl", "MoveControl", "Alarm", "Presence", "Fan",
            "Error", "Incline", "Network");
    /** Payloads of the events channel that carry a device fault code, so no fixed option can name them. */
    private static final Set<String> PARAMETERISED_EVENTS = Set.of(DeviceEvents.FAULT_RAISED,
            DeviceEvents.FAULT_CLEARED);
    private static final List<String> THING_TYPE_ORDER = List.of("supported-bridge-type-refs", "label",
            "description", "category", "channel-groups", "properties", "representation-property",
            "config-description-ref");
    private static final List<String> CHANNEL_TYPE_ORDER = List.of("item-type", "kind", "label", "description",
            "category", "tags", "state", "command", "event", "autoUpdatePolicy");

    private static ThingXml xml = new ThingXml();

    @BeforeAll
    static void load() throws Exception {
        xml = ThingXml.load();
    }

    @Test
    void exactlyTheDeviceThingTypesOfTheFamilies() {
        Set<String> expected = new TreeSet<>();
        for (DeviceFamily family : DeviceFamily.values()) {
            expected.add(family.thingTypeId());
        }
        assertEquals(expected, new TreeSet<>(xml.thingTypes.keySet()));
    }

    @Test
    void catalogueAndXmlHaveTheSameChannelsPerFamily() {
        for (DeviceFamily family : DeviceFamily.values()) {
            Map<String, String> fromCatalogue = new LinkedHashMap<>();
            for (DysonChannel channel : ChannelCatalogue.channelsOf(family)) {
                fromCatalogue.put(channel.uidSuffix(), channel.itemType().text() + " " + channel.channelTypeId());
            }
            Map<String, String> fromXml = new LinkedHashMap<>();
            xml.channelsOf(family.thingTypeId())
                    .forEach((uid, typeId) -> fromXml.put(uid, xml.itemTypeOf(typeId) + " " + typeId));
            assertEquals(fromCatalogue, fromXml, family.thingTypeId());
        }
    }

    @Test
    void accessMatchesTheCatalogue() {
        for (DysonChannel channel : DysonChannel.values()) {
            assertEquals(channel.access().shortText(), xml.accessOf(channel.channelTypeId()), channel.name());
        }
    }

    @Test
    void quantityChannelsHaveAUnitAndOthersNone() {
        for (DysonChannel channel : DysonChannel.values()) {
            boolean quantity = channel.itemType().text().startsWith("Number:");
            assertEquals(quantity, channel.unit() != null, channel.name());
        }
    }

    @Test
    void groupTypesAreNamedAfterFamilyAndGroup() {
        for (DeviceFamily family : DeviceFamily.values()) {
            List<String> groups = new ArrayList<>();
            for (ThingXml.GroupRef ref : xml.thingGroups.getOrDefault(family.thingTypeId(), List.of())) {
                groups.add(ref.id());
                assertEquals(family.thingTypeId() + "-" + ref.id(), ref.typeId());
            }
            assertEquals(ChannelCatalogue.groupsOf(family).stream().map(ChannelGroup::id).toList(), groups);
        }
    }

    @Test
    void everyChannelTypeIsUsedAndEveryReferenceResolves() {
        Set<String> used = new TreeSet<>();
        xml.groupTypes.values().forEach(list -> list.forEach(ref -> used.add(ref.typeId())));
        for (String typeId : used) {
            assertTrue(typeId.startsWith("system.") ? ThingXml.SYSTEM_ITEM_TYPES.containsKey(typeId)
                    : xml.channelTypes.containsKey(typeId), typeId);
        }
        for (String typeId : xml.channelTypes.keySet()) {
            assertTrue(used.contains(typeId), "unused channel type " + typeId);
        }
    }

    @Test
    void thingTypesHaveTheAgreedFrame() {
        xml.thingTypes.forEach((id, element) -> {
            assertEquals(THING_TYPE_ORDER, ThingXml.children(element).stream().map(Element::getTagName).toList(), id);
            Element bridges = ThingXml.child(element, "supported-bridge-type-refs");
            assertNotNull(bridges);
            assertEquals("account", ThingXml.children(bridges).get(0).getAttribute("id"));
            DeviceFamily family = DeviceFamily.fromThingTypeId(id);
            assertNotNull(family, id);
            assertEquals(family.isRobot() ? "CleaningRobot" : "Fan", ThingXml.text(element, "category"), id);
            assertEquals("serialNumber", ThingXml.text(element, "representation-property"));
            Element config = ThingXml.child(element, "config-description-ref");
            assertEquals("thing-type:dyson:device", config == null ? "" : config.getAttribute("uri"));
            Element properties = ThingXml.child(element, "properties");
            assertNotNull(properties);
            Element vendor = ThingXml.children(properties).get(0);
            assertEquals("vendor", vendor.getAttribute("name"));
            assertEquals("Dyson", vendor.getTextContent());
        });
    }

    @Test
    void channelTypesUseOnlyElementsAndTagsValidOnBothVersions() {
        xml.channelTypes.forEach((id, type) -> {
            List<String> order = ThingXml.children(type.element()).stream().map(Element::getTagName).toList();
            int last = -1;
            for (String name : order) {
                int index = CHANNEL_TYPE_ORDER.indexOf(name);
                assertTrue(index > last, id + ": element order " + order);
                last = index;
            }
            String category = ThingXml.text(type.element(), "category");
            assertTrue(category.isEmpty() || ICON_CATEGORIES.contains(category), id + ": category " + category);
            assertTrue(ThingXml.text(type.element(), "label").length() <= 25, id + " label too long");
        });
        for (Document document : xml.documents) {
            for (String forbidden : List.of("semantic-equipment-tag", "keywords")) {
                NodeList nodes = document.getElementsByTagName(forbidden);
                assertEquals(0, nodes.getLength(), forbidden);
            }
        }
    }

    @Test
    void eventsChannelOffersEveryFixedPayloadAsEventOption() throws IllegalAccessException {
        assertEventOptionsAreTheFixedPayloadsOf(DysonChannel.EVENTS, DeviceEvents.class);
    }

    @Test
    void robotEventsOfferEveryFixedPayloadAsEventOption() throws IllegalAccessException {
        assertEventOptionsAreTheFixedPayloadsOf(DysonChannel.ROBOT_EVENTS, RobotEvents.class);
    }

    /**
     * The trigger channel's event options are exactly the payloads {@code events} declares as string constants, less
     * the parameterised ones, which its description names instead.
     */
    private void assertEventOptionsAreTheFixedPayloadsOf(DysonChannel channel, Class<?> events)
            throws IllegalAccessException {
        String id = channel.channelTypeId();
        ThingXml.ChannelType type = xml.channelTypes.get(id);
        assertNotNull(type);
        Element event = ThingXml.child(type.element(), "event");
        assertNotNull(event, id + " has no <event>");
        Element options = ThingXml.child(event, "options");
        assertNotNull(options, id + " has no <event><options>");
        Set<String> offered = new TreeSet<>();
        ThingXml.children(options).forEach(option -> offered.add(option.getAttribute("value")));

        Set<String> fired = new TreeSet<>();
        for (Field field : events.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                fired.add((String) field.get(null));
            }
        }
        assertTrue(fired.containsAll(PARAMETERISED_EVENTS), fired.toString());
        fired.removeAll(PARAMETERISED_EVENTS);
        assertEquals(fired, offered);
        String description = ThingXml.text(type.element(), "description");
        PARAMETERISED_EVENTS.forEach(prefix -> assertTrue(description.contains(prefix + ":"), prefix));
    }

    @Test
    void everyRobotStateIsAnOptionWithALabel() {
        ThingXml.ChannelType type = xml.channelTypes.get(DysonChannel.ROBOT_STATE.channelTypeId());
        assertNotNull(type);
        Element options = ThingXml.child(state(DysonChannel.ROBOT_STATE.channelTypeId()), "options");
        assertNotNull(options);
        List<String> offered = new ArrayList<>();
        ThingXml.children(options).forEach(option -> {
            offered.add(option.getAttribute("value"));
            assertFalse(option.getTextContent().isBlank(), option.getAttribute("value"));
        });
        assertEquals(RobotDecoders.STATES, offered);
    }

    @Test
    void eachRobotOffersItsOwnPowerModes() {
        for (RobotProfile profile : RobotProfile.values()) {
            DysonChannel channel = DysonChannel.find(profile.family(), "cleaning#power-mode");
            assertNotNull(channel, profile.name());
            Element options = ThingXml.child(state(channel.channelTypeId()), "options");
            assertNotNull(options);
            List<String> offered = new ArrayList<>();
            ThingXml.children(options).forEach(option -> offered.add(option.getAttribute("value")));
            assertEquals(profile.powerModeOptions(), offered, profile.name());
        }
    }

    @Test
    void accountBridgeHasTheWebServiceCategory() {
        Element account = null;
        for (Document document : xml.documents) {
            NodeList bridges = document.getElementsByTagName("bridge-type");
            if (bridges.getLength() > 0) {
                account = (Element) bridges.item(0);
            }
        }
        assertNotNull(account);
        assertEquals("WebService", ThingXml.text(account, "category"));
    }

    @Test
    void numericStatesAreReadOnlyForSensorsAndBoundedForControls() {
        assertEquals("true", state("pm25").getAttribute("readOnly"));
        assertEquals("1", state("fan-speed").getAttribute("min"));
        assertEquals("10", state("fan-speed").getAttribute("max"));
        assertEquals("15", state("sleep-timer").getAttribute("step"));
        assertEquals("540", state("sleep-timer").getAttribute("max"));
        assertEquals("37", state("target-temperature").getAttribute("max"));
        assertEquals("10", state("target-humidity").getAttribute("step"));
        assertTrue(xml.channelTypes.get("rssi") != null && xml.channelTypes.get("rssi").advanced());
        assertTrue(xml.channelTypes.get("transport") != null && xml.channelTypes.get("transport").advanced());
    }

    private static Element state(String channelType) {
        ThingXml.ChannelType type = xml.channelTypes.get(channelType);
        assertNotNull(type, channelType);
        Element state = ThingXml.child(type.element(), "state");
        assertNotNull(state, channelType);
        return state;
    }
}
