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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every label, description and option text of the device thing XML is in {@code OH-INF/i18n/dyson.properties} under
 * openHAB's key scheme with the same text, and no device key is stale.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class I18nTest {

    @Test
    void propertiesMatchTheXml() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Objects.requireNonNull(
                I18nTest.class.getClassLoader().getResourceAsStream("OH-INF/i18n/dyson.properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        ThingXml xml = ThingXml.load();
        Map<String, String> expected = new HashMap<>();
        xml.thingTypes.forEach((id, element) -> texts(expected, "thing-type.dyson." + id, element));
        xml.groupTypeElements.forEach((id, element) -> texts(expected, "channel-group-type.dyson." + id, element));
        xml.channelTypes.forEach((id, type) -> {
            String prefix = "channel-type.dyson." + id;
            texts(expected, prefix, type.element());
            options(expected, prefix + ".state.option.", ThingXml.child(type.element(), "state"));
            options(expected, prefix + ".command.option.", ThingXml.child(type.element(), "command"));
        });

        expected.forEach((key, text) -> assertEquals(text, properties.getProperty(key), key));
        for (String key : properties.stringPropertyNames()) {
            boolean deviceKey = key.startsWith("channel-type.") || key.startsWith("channel-group-type.")
                    || xml.thingTypes.keySet().stream().anyMatch(id -> key.startsWith("thing-type.dyson." + id + "."));
            if (deviceKey) {
                assertTrue(expected.containsKey(key), "stale key " + key);
            }
        }
    }

    private static void texts(Map<String, String> expected, String prefix, Element element) {
        expected.put(prefix + ".label", ThingXml.text(element, "label"));
        String description = ThingXml.text(element, "description");
        if (!description.isEmpty()) {
            expected.put(prefix + ".description", description);
        }
    }

    private static void options(Map<String, String> expected, String prefix, Element parent) {
        if (parent == null) {
            return;
        }
        Element options = ThingXml.child(parent, "options");
        if (options != null) {
            for (Element option : ThingXml.children(options)) {
                expected.put(prefix + option.getAttribute("value"), option.getTextContent().trim());
            }
        }
    }
}
