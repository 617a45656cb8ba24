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

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the thing descriptions in {@code OH-INF/thing} into simple records for the consistency tests.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class ThingXml {

    /** Item types of the system channel types we use (core's definitions). */
    static final Map<String, String> SYSTEM_ITEM_TYPES = Map.of("system.power", "Switch",
            "system.indoor-temperature", "Number:Temperature", "system.atmospheric-humidity", "Number:Dimensionless");

    record ChannelType(String id, String itemType, boolean readOnly, boolean commandOnly, boolean advanced,
            Element element) {
        /** The Read/Write text as in the README. */
        String access() {
            if ("trigger".equals(itemType)) {
                return "Trigger";
            }
            return readOnly ? "R" : commandOnly ? "W" : "RW";
        }
    }

    record ChannelRef(String id, String typeId) {
    }

    record GroupRef(String id, String typeId) {
    }

    final Map<String, Element> thingTypes = new LinkedHashMap<>();
    final Map<String, ChannelType> channelTypes = new LinkedHashMap<>();
    final Map<String, List<ChannelRef>> groupTypes = new LinkedHashMap<>();
    final Map<String, Element> groupTypeElements = new LinkedHashMap<>();
    final Map<String, List<GroupRef>> thingGroups = new LinkedHashMap<>();
    final List<Document> documents = new ArrayList<>();

    static ThingXml load() throws Exception {
        ThingXml xml = new ThingXml();
        for (Path file : files()) {
            try (InputStream in = Files.newInputStream(file)) {
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
                xml.documents.add(document);
                xml.read(document.getDocumentElement());
            }
        }
        return xml;
    }

    static List<Path> files() throws IOException, URISyntaxException {
        URL url = Objects.requireNonNull(ThingXml.class.getClassLoader().getResource("OH-INF/thing"));
        try (Stream<Path> stream = Files.list(Paths.get(url.toURI()))) {
            return stream.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private void read(Element root) {
        for (Element element : children(root)) {
            String id = element.getAttribute("id");
            switch (element.getTagName()) {
                case "thing-type" -> {
                    thingTypes.put(id, element);
                    List<GroupRef> groups = new ArrayList<>();
                    Element groupList = child(element, "channel-groups");
                    if (groupList != null) {
                        for (Element group : children(groupList)) {
                            groups.add(new GroupRef(group.getAttribute("id"), group.getAttribute("typeId")));
                        }
                    }
                    thingGroups.put(id, groups);
                }
                case "channel-group-type" -> {
                    List<ChannelRef> channels = new ArrayList<>();
                    for (Element channel : children(Objects.requireNonNull(child(element, "channels")))) {
                        channels.add(new ChannelRef(channel.getAttribute("id"), channel.getAttribute("typeId")));
                    }
                    groupTypes.put(id, channels);
                    groupTypeElements.put(id, element);
                }
                case "channel-type" -> {
                    Element kind = child(element, "kind");
                    Element itemType = child(element, "item-type");
                    String item = kind != null && "trigger".equals(kind.getTextContent()) ? "trigger"
                            : Objects.requireNonNull(itemType, id).getTextContent().trim();
                    Element state = child(element, "state");
                    boolean readOnly = state != null && "true".equals(state.getAttribute("readOnly"));
                    boolean commandOnly = state == null && child(element, "command") != null;
                    channelTypes.put(id, new ChannelType(id, item, readOnly, commandOnly,
                            "true".equals(element.getAttribute("advanced")), element));
                }
                case "bridge-type" -> {
                    // the account bridge has no channels
                }
                default -> throw new IllegalStateException("Unexpected element " + element.getTagName());
            }
        }
    }

    /** (group id, channel id) → channel type id for a thing type, in XML order. */
    Map<String, String> channelsOf(String thingTypeId) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (GroupRef group : Objects.requireNonNull(thingGroups.get(thingTypeId), thingTypeId)) {
            for (ChannelRef channel : Objects.requireNonNull(groupTypes.get(group.typeId()), group.typeId())) {
                channels.put(group.id() + "#" + channel.id(), channel.typeId());
            }
        }
        return channels;
    }

    /** The item type of a channel type id, own or system. */
    String itemTypeOf(String channelTypeId) {
        String system = SYSTEM_ITEM_TYPES.get(channelTypeId);
        if (system != null) {
            return system;
        }
        return Objects.requireNonNull(channelTypes.get(channelTypeId), channelTypeId).itemType();
    }

    /** Read/Write of the system channel types we use (core: the sensor ones are read-only). */
    static final Map<String, String> SYSTEM_ACCESS = Map.of("system.power", "RW", "system.indoor-temperature", "R",
            "system.atmospheric-humidity", "R");

    /** The README Read/Write text of a channel type id, own or system. */
    String accessOf(String channelTypeId) {
        ChannelType type = channelTypes.get(channelTypeId);
        return type == null ? Objects.requireNonNull(SYSTEM_ACCESS.get(channelTypeId), channelTypeId) : type.access();
    }

    static List<Element> children(Node parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    static @Nullable Element child(Element parent, String name) {
        for (Element element : children(parent)) {
            if (element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}
