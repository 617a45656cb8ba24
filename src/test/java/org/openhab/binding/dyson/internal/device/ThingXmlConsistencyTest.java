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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    /** Semantic tags valid on 4.3 and 5.x (points and properties; Timestamp is a property since openHAB 3). */
    private static final Set<String> SAFE_TAGS = Set.of("Control", "Switch", "Measurement", "Setpoint", "Status",
            "Alarm", "Temperature", "Humidity", "Power", "CO2", "Level", "Duration", "Timestamp");
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
    void exactlyTheSixDeviceThingTypes() {
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
            assertEquals("Fan", ThingXml.text(element, "category"));
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
            Element tags = ThingXml.child(type.element(), "tags");
            if (tags != null) {
                List<Element> tagList = ThingXml.children(tags);
                assertTrue(tagList.size() <= 2, id);
                tagList.forEach(tag -> assertTrue(SAFE_TAGS.contains(tag.getTextContent()), id + " tag " + tag));
            }
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
