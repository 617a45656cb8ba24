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
package org.openhab.binding.dyson.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests {@link MessageParser}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class MessageParserTest {

    @Test
    void parsesCurrentStateFromCapture() throws Exception {
        String payload = Captures.devicePayloads("527K", "01-homebridge-soma-shades-i10-d.jsonl").get(0);
        DysonMessage message = MessageParser.parse(payload);

        assertEquals(MessageType.CURRENT_STATE, message.type());
        assertEquals("2023-08-12T07:34:59.000Z", message.time());
        assertEquals("2935", message.productState().get("hmax"));
        assertEquals("0350", message.productState().get("ancp"));
        assertEquals("-45", message.attribute("rssi"));
        assertEquals("PUI", message.attribute("mode-reason"));
        assertNull(message.attribute("scheduler"), "objects other than the known maps are dropped");
    }

    @Test
    void takesNewValueOfStateChangePairs() throws Exception {
        DysonMessage message = MessageParser.parse("{\"msg\":\"STATE-CHANGE\",\"time\":\"2025-01-01T12:00:00Z\","
                + "\"product-state\":{\"fpwr\":[\"OFF\",\"ON\"],\"fnsp\":[\"0004\"],\"oson\":[],\"nmod\":\"ON\","
                + "\"sltm\":null,\"hmax\":[2930,2950],\"odd\":{\"a\":\"b\"}}}");

        assertEquals(MessageType.STATE_CHANGE, message.type());
        assertEquals(Map.of("fpwr", "ON", "fnsp", "0004", "nmod", "ON", "hmax", "2950"), message.productState());
    }

    @Test
    void keepsWireOrder() throws Exception {
        DysonMessage message = MessageParser
                .parse("{\"msg\":\"CURRENT-STATE\",\"product-state\":{\"b\":\"1\",\"a\":\"2\",\"c\":\"3\"}}");
        assertEquals(List.of("b", "a", "c"), List.copyOf(message.productState().keySet()));
    }

    @Test
    void parsesSensorDataAndBytes() throws Exception {
        String json = "{\"msg\":\"ENVIRONMENTAL-CURRENT-SENSOR-DATA\",\"time\":\"…\",\"data\":{\"tact\":\"2956\"}}";
        DysonMessage message = MessageParser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(MessageType.ENVIRONMENTAL_CURRENT_SENSOR_DATA, message.type());
        assertEquals("2956", message.data().get("tact"));
    }

    @Test
    void parsesFaultMapsIncludingChanges() throws Exception {
        DysonMessage message = MessageParser.parse("{\"msg\":\"FAULTS-CHANGE\",\"product-errors\":{\"amf1\":"
                + "[\"OK\",\"FAIL\"]},\"product-warnings\":{\"fltr\":\"OK\"},\"module-warnings\":{\"srnk\":\"FAIL\"}}");
        assertEquals(MessageType.FAULTS_CHANGE, message.type());
        assertEquals(Map.of("amf1", "FAIL"), message.faults().get(FaultCategory.PRODUCT_ERRORS));
        assertEquals(Map.of("fltr", "OK"), message.faults().get(FaultCategory.PRODUCT_WARNINGS));
        assertEquals(Map.of("srnk", "FAIL"), message.faults().get(FaultCategory.MODULE_WARNINGS));
        assertNull(message.faults().get(FaultCategory.MODULE_ERRORS));
    }

    @Test
    void parsesConnectionMessages() throws Exception {
        DysonMessage hello = MessageParser.parse(
                "{\"msg\":\"HELLO\",\"time\":\"2025-01-01T12:00:00Z\",\"protocol\":\"1.0\",\"serialNumber\":\"X\"}");
        assertEquals(MessageType.HELLO, hello.type());
        assertTrue(hello.type().isConnectionMessage());
        assertEquals("X", hello.attribute("serialNumber"));
        assertEquals(MessageType.GONE_AWAY, MessageParser.parse("{\"msg\":\"GONE-AWAY\"}").type());
        assertEquals(MessageType.IM_BACK, MessageParser.parse("{\"msg\":\"IM-BACK\"}").type());
        assertEquals(MessageType.GOODBYE, MessageParser.parse("{\"msg\":\"GOODBYE\"}").type());
    }

    @Test
    void unknownTypesAreKeptAsUnknown() throws Exception {
        DysonMessage message = MessageParser.parse("{\"msg\":\"LOCATION\",\"apos\":\"0152\"}");
        assertEquals(MessageType.UNKNOWN, message.type());
        assertEquals("LOCATION", message.rawType());
        assertEquals("0152", message.attribute("apos"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "not json", "{\"msg\":", "[1,2]", "\"text\"", "42", "null", "{}",
            "{\"msg\":{\"a\":1}}", "{\"msg\":null}", "{\"msg\":[\"CURRENT-STATE\"]}" })
    void malformedPayloadsThrowParseException(String payload) {
        MessageParseException e = assertThrows(MessageParseException.class, () -> MessageParser.parse(payload));
        assertNotNull(e.getMessage());
    }

    @Test
    void wrongShapesInsideAreIgnoredNotFatal() throws Exception {
        DysonMessage message = MessageParser
                .parse("{\"msg\":\"CURRENT-STATE\",\"product-state\":[1,2],\"data\":\"x\",\"product-errors\":5}");
        assertTrue(message.productState().isEmpty());
        assertTrue(message.data().isEmpty());
        assertEquals(Map.of(), message.faults().get(FaultCategory.PRODUCT_ERRORS));
    }

    @Test
    void everyCapturedPayloadParses() throws Exception {
        int count = 0;
        for (Captures.CaptureFile file : Captures.all()) {
            for (Captures.Line line : file.lines()) {
                DysonMessage message = MessageParser.parse(line.payload());
                assertFalse(message.rawType().isEmpty(), line.toString());
                count++;
            }
        }
        assertTrue(count > 800, "expected the whole corpus, got " + count);
    }
}
