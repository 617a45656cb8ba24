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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link OhInfChecker} accepts complete descriptors and reports each kind of broken one.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class OhInfCheckerTest {

    private static List<String> check(String fixture) throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(OhInfCheckerTest.class.getResource("/ohinf-fixtures/" + fixture))
                .toURI());
        return new OhInfChecker("dyson", root.resolve("OH-INF"), root.resolve("java")).check();
    }

    @Test
    void acceptsCompleteDescriptorsOfEveryKind() throws Exception {
        assertEquals(List.of(), check("valid"));
    }

    @Test
    void acceptsAddonWithoutThingFiles() throws Exception {
        assertEquals(List.of(), check("minimal"));
    }

    @Test
    void reportsEachBrokenDescriptor() throws Exception {
        List<String> problems = check("broken");

        List<String> expected = List.of("malformed.xml: not well-formed XML",
                "things.xml: <semantic-equipment-tag> is 5.x only", "addon.xml: <keywords> is 5.x only",
                "unknown channel type 'no-such-type'", "unknown channel type 'system.no-such'",
                "unknown channel group type 'no-group'", "config-description-ref 'thing-type:dyson:nowhere' does not",
                "unknown bridge type 'nobridge'", "'thing-type.dyson.fan.description' missing",
                "'channel-type.dyson.speed.state.option.AUTO' missing",
                "@text/offline.missing missing",
                "'point-only' needs exactly one Point and one Property tag valid on 4.3 and 5.x, has [Switch]",
                "'tilt-point' needs exactly one Point and one Property tag", "'spelled-unit' has pattern '%d %%'",
                "'hidden-unit' has a unitHint but pattern '%.1f' shows no %unit%",
                "trigger channel type 'silent-trigger' lists no <event><options>");
        for (String part : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(part)), part + " not in " + problems);
        }
        assertEquals(expected.size(), problems.size(), String.join("\n", problems));
    }
}
