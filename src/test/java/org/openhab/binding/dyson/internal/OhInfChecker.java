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
package org.openhab.binding.dyson.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates an add-on's OH-INF folder the way openHAB 4.3 would read it: well-formed XML, no 5.x-only elements,
 * channel and channel group types that exist, config description references that resolve, one Point and one Property
 * tag of openHAB's semantic model on every state channel type, {@code %unit%} instead of a spelled-out unit in number
 * patterns, event options on every trigger channel type, and every text that
 * openHAB translates present in {@code OH-INF/i18n/<bindingId>.properties} under openHAB's key scheme (as written by
 * openhab-core's i18n tooling). Also every literal {@code @text/key} in the Java sources must be in that file
 * (a key prefix completed at run time, ending in '.' or '-', cannot be checked and is skipped).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class OhInfChecker {

    /** System channel types of openHAB Core 4.3 (DefaultSystemChannelTypeProvider); all exist in 5.x too. */
    static final Set<String> SYSTEM_CHANNEL_TYPES = Set.of("signal-strength", "low-battery", "battery-level",
            "trigger", "rawbutton", "button", "rawrocker", "power", "location", "motion", "brightness", "color",
            "color-temperature", "color-temperature-abs", "volume", "mute", "media-control", "media-title",
            "media-artist", "wind-direction", "wind-speed", "outdoor-temperature", "indoor-temperature",
            "atmospheric-humidity", "barometric-pressure", "electric-power", "electric-current", "electric-voltage",
            "electrical-energy");

    /** Elements that openHAB 4.3's XML readers reject (the whole file is then dropped). */
    static final Set<String> FIVE_X_ONLY_ELEMENTS = Set.of("semantic-equipment-tag", "keywords");

    /**
     * Point tags of openHAB's semantic model that are Points on 4.3 and on 5.x ({@code Forecast} is 5.x only; 4.3's
     * {@code LowBattery}, {@code OpenLevel}, {@code OpenState}, {@code Tampered} and {@code Tilt} points became
     * properties in 5.0).
     */
    static final Set<String> POINT_TAGS = Set.of("Alarm", "Control", "Switch", "Measurement", "Setpoint", "Status");

    /**
     * Property tags of openHAB's semantic model (openhab-core {@code SemanticTags.csv}, 5.x), less those that are
     * Points on 4.3 (there they would make a second Point). The 4.3 properties are all among them; the others are plain
     * tags on 4.3 and semantic from 5.0.
     */
    static final Set<String> PROPERTY_TAGS = Set.of("AirQuality", "AQI", "CO", "CO2", "Ozone", "ParticulateMatter",
            "Pollen", "Radon", "VOC", "Airconditioning", "Airflow", "App", "Brightness", "Channel", "Color",
            "ColorTemperature", "Current", "Duration", "Enabled", "Energy", "Frequency", "Gas", "Heating", "Humidity",
            "Illuminance", "Level", "Light", "MediaControl", "Mode", "Moisture", "Motion", "Noise", "Oil", "Opening",
            "Position", "GeoLocation", "Power", "Presence", "Pressure", "QualityOfService", "Rain", "SignalStrength",
            "RSSI", "Smoke", "SoundVolume", "Speed", "Temperature", "Timestamp", "Ultraviolet", "Ventilation",
            "Vibration", "Voltage", "Water", "Wind");

    /** A state pattern of a number: one format conversion, optionally followed by the unit placeholder. */
    private static final Pattern NUMBER_PATTERN = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[dfeEgGxX](?: %unit%)?");

    private static final Pattern TEXT_REFERENCE = Pattern.compile("@text/([A-Za-z0-9_.\\-]+)");

    private final String bindingId;
    private final Path ohInfDir;
    private final Path javaSourceDir;
    private final List<String> problems = new ArrayList<>();
    private final Map<Path, Document> documents = new HashMap<>();
    private final Set<String> channelTypes = new HashSet<>();
    private final Set<String> channelGroupTypes = new HashSet<>();
    private final Set<String> bridgeTypes = new HashSet<>();
    private final Set<String> configUris = new HashSet<>();
    private final Map<String, String> requiredKeys = new HashMap<>();

    /**
     * @param bindingId the binding id, which is also the name of the i18n file
     * @param ohInfDir the OH-INF folder
     * @param javaSourceDir the root of the Java sources whose {@code @text/} references are checked
     */
    public OhInfChecker(String bindingId, Path ohInfDir, Path javaSourceDir) {
        this.bindingId = bindingId;
        this.ohInfDir = ohInfDir;
        this.javaSourceDir = javaSourceDir;
    }

    /**
     * Runs all checks; each problem is one line naming the file and what is wrong. Empty means valid.
     */
    public List<String> check() throws IOException {
        problems.clear();
        parseAll();
        documents.forEach(this::collectDefinitions);
        documents.forEach(this::checkDocument);
        checkTranslations();
        return List.copyOf(problems);
    }

    private void parseAll() throws IOException {
        DocumentBuilder builder = newDocumentBuilder();
        List<Path> xmlFiles;
        try (Stream<Path> files = Files.walk(ohInfDir)) {
            xmlFiles = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : xmlFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                documents.put(file, builder.parse(in));
            } catch (SAXException e) {
                problems.add(name(file) + ": not well-formed XML: " + e.getMessage());
            }
        }
    }

    private static DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(@Nullable SAXParseException e) throws SAXException {
                    throw e != null ? e : new SAXException("XML error");
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void collectDefinitions(Path file, Document document) {
        for (Element element : descendants(document.getDocumentElement())) {
            String id = element.getAttribute("id");
            switch (element.getLocalName()) {
                case "channel-type" -> channelTypes.add(id);
                case "channel-group-type" -> channelGroupTypes.add(id);
                case "bridge-type" -> bridgeTypes.add(id);
                case "config-description" -> {
                    String uri = element.getAttribute("uri");
                    if (!uri.isEmpty()) {
                        configUris.add(uri);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void checkDocument(Path file, Document document) {
        Element root = document.getDocumentElement();
        for (Element element : descendants(root)) {
            if (FIVE_X_ONLY_ELEMENTS.contains(element.getLocalName())) {
                problems.add(name(file) + ": <" + element.getLocalName()
                        + "> is 5.x only; openHAB 4.3 rejects the file");
            }
        }
        switch (root.getLocalName()) {
            case "addon" -> requireTexts(root, "addon." + bindingId, file);
            case "thing-descriptions" -> checkThingDescriptions(file, root);
            case "config-descriptions" -> children(root, "config-description")
                    .forEach(cd -> checkConfigDescription(file, cd, cd.getAttribute("uri")));
            case "update-descriptions" -> {
                // thing type update instructions carry no texts
            }
            default -> problems.add(name(file) + ": unexpected root element <" + root.getLocalName() + ">");
        }
    }

    private void checkThingDescriptions(Path file, Element root) {
        for (Element type : childElements(root)) {
            String id = type.getAttribute("id");
            switch (type.getLocalName()) {
                case "thing-type", "bridge-type" -> checkThingType(file, type, id);
                case "channel-type" -> checkChannelType(file, type, id);
                case "channel-group-type" -> {
                    String prefix = "channel-group-type." + bindingId + "." + id;
                    requireTexts(type, prefix, file);
                    checkChannels(file, type, prefix);
                }
                default -> problems.add(name(file) + ": unexpected element <" + type.getLocalName() + ">");
            }
        }
    }

    private void checkThingType(Path file, Element type, String id) {
        String prefix = "thing-type." + bindingId + "." + id;
        requireTexts(type, prefix, file);
        checkChannels(file, type, prefix);
        for (Element groups : children(type, "channel-groups")) {
            for (Element group : children(groups, "channel-group")) {
                String typeId = group.getAttribute("typeId");
                if (!channelGroupTypes.contains(typeId)) {
                    problems.add(name(file) + ": channel group '" + group.getAttribute("id") + "' of " + id
                            + " has unknown channel group type '" + typeId + "'");
                }
                requireTexts(group, prefix + ".group." + group.getAttribute("id"), file);
            }
        }
        for (Element refs : children(type, "supported-bridge-type-refs")) {
            for (Element ref : children(refs, "bridge-type-ref")) {
                if (!bridgeTypes.contains(ref.getAttribute("id"))) {
                    problems.add(name(file) + ": " + id + " refers to unknown bridge type '" + ref.getAttribute("id")
                            + "'");
                }
            }
        }
        checkConfigReferences(file, type, "thing-type:" + bindingId + ":" + id);
    }

    private void checkChannelType(Path file, Element type, String id) {
        String prefix = "channel-type." + bindingId + "." + id;
        requireTexts(type, prefix, file);
        boolean trigger = children(type, "kind").stream().anyMatch(k -> "trigger".equals(k.getTextContent().trim()));
        if (trigger) {
            checkEventOptions(file, type, id);
        } else {
            checkSemanticTags(file, type, id);
            checkNumberPattern(file, type, id);
        }
        for (Element state : children(type, "state")) {
            optionValues(state).forEach(value -> require(prefix + ".state.option." + value, file));
        }
        for (Element command : children(type, "command")) {
            optionValues(command).forEach(value -> require(prefix + ".command.option." + value, file));
        }
        checkConfigReferences(file, type, "channel-type:" + bindingId + ":" + id);
    }

    /** A state channel type carries exactly one Point and one Property tag, and no other tag. */
    private void checkSemanticTags(Path file, Element type, String id) {
        List<String> tags = new ArrayList<>();
        for (Element list : children(type, "tags")) {
            children(list, "tag").forEach(tag -> tags.add(tag.getTextContent().trim()));
        }
        long points = tags.stream().filter(POINT_TAGS::contains).count();
        long properties = tags.stream().filter(PROPERTY_TAGS::contains).count();
        if (points != 1 || properties != 1 || tags.size() != 2) {
            problems.add(name(file) + ": channel type '" + id + "' needs exactly one Point and one Property tag valid on 4.3 and 5.x, has "
                    + tags);
        }
    }

    /**
     * A numeric state pattern is one format conversion, and for a quantity with a unit it ends in {@code %unit%}: a
     * unit spelled out ({@code %d %%}, {@code %.1f °C}) ignores the item's unit and is reported.
     */
    private void checkNumberPattern(Path file, Element type, String id) {
        List<Element> itemTypes = children(type, "item-type");
        if (itemTypes.isEmpty() || !itemTypes.get(0).getTextContent().trim().startsWith("Number")) {
            return;
        }
        Element itemType = itemTypes.get(0);
        boolean quantity = itemType.getTextContent().trim().startsWith("Number:");
        boolean unitHint = !itemType.getAttribute("unitHint").isEmpty();
        for (Element state : children(type, "state")) {
            String pattern = state.getAttribute("pattern");
            if (pattern.isEmpty()) {
                continue;
            }
            if (!NUMBER_PATTERN.matcher(pattern).matches()) {
                problems.add(name(file) + ": channel type '" + id + "' has pattern '" + pattern
                        + "'; write the unit as %unit%");
            } else if (unitHint && !pattern.endsWith("%unit%")) {
                problems.add(name(file) + ": channel type '" + id + "' has a unitHint but pattern '" + pattern
                        + "' shows no %unit%");
            } else if (!quantity && pattern.endsWith("%unit%")) {
                problems.add(name(file) + ": channel type '" + id + "' is a plain Number with %unit% in '" + pattern
                        + "'");
            }
        }
    }

    /** A trigger channel type declares the events it fires. */
    private void checkEventOptions(Path file, Element type, String id) {
        boolean hasOptions = children(type, "event").stream().flatMap(event -> children(event, "options").stream())
                .anyMatch(options -> !children(options, "option").isEmpty());
        if (!hasOptions) {
            problems.add(name(file) + ": trigger channel type '" + id + "' lists no <event><options>");
        }
    }

    private void checkChannels(Path file, Element owner, String prefix) {
        for (Element channels : children(owner, "channels")) {
            for (Element channel : children(channels, "channel")) {
                String typeId = channel.getAttribute("typeId");
                boolean known = typeId.startsWith("system.")
                        ? SYSTEM_CHANNEL_TYPES.contains(typeId.substring("system.".length()))
                        : channelTypes.contains(typeId);
                if (!known) {
                    problems.add(name(file) + ": channel '" + channel.getAttribute("id") + "' in " + prefix
                            + " has unknown channel type '" + typeId + "'");
                }
                requireTexts(channel, prefix + ".channel." + channel.getAttribute("id"), file);
            }
        }
    }

    private void checkConfigReferences(Path file, Element type, String defaultUri) {
        for (Element ref : children(type, "config-description-ref")) {
            if (!configUris.contains(ref.getAttribute("uri"))) {
                problems.add(name(file) + ": config-description-ref '" + ref.getAttribute("uri")
                        + "' does not resolve to any config-description");
            }
        }
        for (Element inline : children(type, "config-description")) {
            String uri = inline.getAttribute("uri");
            checkConfigDescription(file, inline, uri.isEmpty() ? defaultUri : uri);
        }
    }

    private void checkConfigDescription(Path file, Element description, String uri) {
        String[] segments = uri.split(":");
        StringBuilder prefix = new StringBuilder(segments[0]).append(".config");
        for (int i = 1; i < segments.length; i++) {
            prefix.append('.').append(segments[i]);
        }
        for (Element group : children(description, "parameter-group")) {
            requireTexts(group, prefix + ".group." + group.getAttribute("name"), file);
        }
        for (Element parameter : children(description, "parameter")) {
            String parameterPrefix = prefix + "." + parameter.getAttribute("name");
            requireTexts(parameter, parameterPrefix, file);
            optionValues(parameter).forEach(value -> require(parameterPrefix + ".option." + value, file));
        }
    }

    private void requireTexts(Element element, String prefix, Path file) {
        if (!children(element, "label").isEmpty() || element.getLocalName().equals("addon")) {
            require(prefix + (element.getLocalName().equals("addon") ? ".name" : ".label"), file);
        }
        if (!children(element, "description").isEmpty()) {
            require(prefix + ".description", file);
        }
    }

    private void require(String key, Path file) {
        requiredKeys.putIfAbsent(key, name(file));
    }

    private void checkTranslations() throws IOException {
        Path i18nFile = ohInfDir.resolve("i18n").resolve(bindingId + ".properties");
        Properties properties = new Properties();
        if (Files.isRegularFile(i18nFile)) {
            try (Reader reader = Files.newBufferedReader(i18nFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } else {
            problems.add("missing " + ohInfDir.relativize(i18nFile));
        }
        requiredKeys.forEach((key, file) -> {
            if (properties.getProperty(key, "").isBlank()) {
                problems.add(file + ": i18n key '" + key + "' missing in " + bindingId + ".properties");
            }
        });
        for (Map.Entry<Path, String> reference : textReferencesInJava().entrySet()) {
            Matcher matcher = TEXT_REFERENCE.matcher(reference.getValue());
            while (matcher.find()) {
                String key = matcher.group(1);
                if (key.endsWith(".") || key.endsWith("-")) {
                    continue; // a prefix completed at run time ("@text/offline." + reason) cannot be checked here
                }
                if (properties.getProperty(key, "").isBlank()) {
                    problems.add(javaSourceDir.relativize(reference.getKey()) + ": @text/" + key + " missing in "
                            + bindingId + ".properties");
                }
            }
        }
    }

    private Map<Path, String> textReferencesInJava() throws IOException {
        Map<Path, String> sources = new HashMap<>();
        if (!Files.isDirectory(javaSourceDir)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(javaSourceDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }

    private static List<String> optionValues(Element owner) {
        List<String> values = new ArrayList<>();
        for (Element options : children(owner, "options")) {
            children(options, "option").forEach(option -> values.add(option.getAttribute("value")));
        }
        return values;
    }

    private String name(Path file) {
        return ohInfDir.relativize(file).toString();
    }

    private static List<Element> childElements(Element parent) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                result.add((Element) nodes.item(i));
            }
        }
        return result;
    }

    private static List<Element> children(Element parent, String localName) {
        return childElements(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
    }

    private static List<Element> descendants(Element root) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }
}
