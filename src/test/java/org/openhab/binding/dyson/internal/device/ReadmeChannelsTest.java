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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The README's channel tables (between {@code ## Channels} and {@code ## Full Example}) list exactly the channels of
 * the thing XML, with the same item type and Read/Write access.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class ReadmeChannelsTest {

    private static final Pattern THING = Pattern.compile("^### Thing Type `([a-z0-9-]+)`$");
    private static final Pattern GROUP = Pattern.compile("^#### Group `([a-z0-9-]+)` \\(([a-z0-9-]+)\\)$");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([A-Za-z:]+) \\| (R|RW|W|Trigger) \\| (.+) \\|$");

    @Test
    void readmeTablesMatchTheXml() throws Exception {
        Path readme = Paths.get("README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Channels");
        int end = lines.indexOf("## Full Example");
        assertTrue(start >= 0 && end > start, "README needs '## Channels' before '## Full Example'");

        Map<String, String> fromReadme = new TreeMap<>();
        String thing = "";
        String group = "";
        for (String line : lines.subList(start, end)) {
            Matcher matcher;
            if ((matcher = THING.matcher(line)).matches()) {
                thing = matcher.group(1);
                group = "";
            } else if ((matcher = GROUP.matcher(line)).matches()) {
                assertEquals(thing, matcher.group(2), line);
                group = matcher.group(1);
            } else if ((matcher = ROW.matcher(line)).matches() && !group.isEmpty()) {
                String key = thing + ":" + group + "#" + matcher.group(1);
                String previous = fromReadme.put(key, matcher.group(2) + " " + matcher.group(3));
                assertEquals(null, previous, "duplicate row " + key);
                assertTrue(matcher.group(4).length() > 5, "description missing: " + line);
            } else if (line.startsWith("### ")) {
                thing = "";
                group = "";
            } else if (line.startsWith("| `") && !group.isEmpty()) {
                throw new AssertionError("Unparsable channel row: " + line);
            }
        }

        ThingXml xml = ThingXml.load();
        Map<String, String> fromXml = new TreeMap<>();
        for (String thingType : xml.thingTypes.keySet()) {
            xml.channelsOf(thingType).forEach((uid, typeId) -> {
                String item = xml.itemTypeOf(typeId);
                fromXml.put(thingType + ":" + uid, ("trigger".equals(item) ? "Trigger" : item) + " "
                        + xml.accessOf(typeId));
            });
        }
        assertEquals(fromXml, fromReadme);
    }
}
