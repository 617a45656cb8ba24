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
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.dyson.internal.protocol.Captures;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.MessageParseException;
import org.openhab.binding.dyson.internal.protocol.MessageParser;

/**
 * The "new model" notice: what it names, and that the recorded traffic of every known product type gives none.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class NewModelNoticeTest {

    private static final String THING = "dyson:pure-cool:home:AB1-EU-KAA0000A";
    private static final String CAPTURE = " To help support it, capture its traffic while you use it in the MyDyson app,"
            + " with 'openhab:dyson capture " + THING + " 300 <file>', and attach the file to an issue.";

    @Test
    void aKnownModelGivesNoNotice() {
        assertNull(NewModelNotice.text(THING, "438K", Set.of()));
        assertNull(NewModelNotice.text(THING, "438k", Set.of()));
        assertNull(NewModelNotice.text(THING, null, Set.of()));
    }

    @Test
    void anUnknownProductTypeIsNamedWithTheCaptureCommand() {
        assertEquals("Dyson device " + THING + " is a model this binding does not fully know: product type '438X' is"
                + " unknown." + CAPTURE, NewModelNotice.text(THING, "438X", Set.of()));
    }

    @Test
    void unknownKeysAreNamedSorted() {
        assertEquals("Dyson device " + THING + " is a model this binding does not fully know: it sends state keys"
                + " the binding does not know: aaaa, zzzz." + CAPTURE,
                NewModelNotice.text(THING, "438K", new TreeSet<>(Set.of("zzzz", "aaaa"))));
    }

    @Test
    void bothInOneLineWithoutControlCharacters() {
        assertEquals("Dyson device " + THING + " is a model this binding does not fully know: product type '9?[2J'"
                + " is unknown; it sends state keys the binding does not know: k?y." + CAPTURE,
                NewModelNotice.text(THING, "9\u001b[2J", Set.of("k\ny")));
    }

    @Test
    void theRecordedTrafficOfEveryKnownProductTypeGivesNoNotice() {
        for (Captures.CaptureFile file : Captures.all()) {
            DeviceState state = new DeviceState();
            for (Captures.Line line : file.lines()) {
                if (line.fromDevice()) {
                    try {
                        state.apply(MessageParser.parse(line.payload()));
                    } catch (MessageParseException e) {
                        // the fault captures hold broken payloads on purpose
                    }
                }
            }
            assertEquals(Set.of(), state.unknownKeys(), file.toString());
            assertNull(NewModelNotice.text(THING, file.root(), state.unknownKeys()), file.toString());
        }
    }
}
