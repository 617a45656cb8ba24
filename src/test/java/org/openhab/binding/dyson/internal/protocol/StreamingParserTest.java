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

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * {@link MessageParser} reads payloads as a stream (issue 9); it must give exactly what reading them through a Gson
 * tree gives (the reference below follows the parser's documented rules on a {@link JsonObject}): for the whole
 * capture corpus and for odd shapes.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class StreamingParserTest {

    @Test
    void theWholeCorpusParsesAsThroughATree() throws Exception {
        for (Captures.CaptureFile file : Captures.all()) {
            for (Captures.Line line : file.lines()) {
                assertEquals(viaTree(line.payload()), MessageParser.parse(line.payload()), line.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"msg\":\"X\",\"product-state\":{\"a\":[],\"b\":[\"1\"],\"c\":[\"1\",\"2\",\"3\"]}}",
            "{\"msg\":\"X\",\"data\":{\"a\":null,\"b\":{\"x\":1},\"c\":[{\"x\":1},\"2\"],\"d\":12.50,\"e\":true}}",
            "{\"msg\":\"X\",\"product-state\":{\"a\":\"1\"},\"product-state\":{\"b\":\"2\"}}",
            "{\"msg\":\"X\",\"rssi\":\"-50\",\"rssi\":{\"a\":1},\"dial\":false,\"n\":null}",
            "{\"time\":\"t\",\"msg\":7,\"product-errors\":5,\"module-warnings\":{\"w\":[\"OK\",\"FAIL\"]}}",
            "{\"msg\":\"X\",\"data\":{\"a\":\"1\",\"a\":null}}", "{'msg':'X',data:{a:b}}" })
    void oddShapesParseAsThroughATree(String payload) throws Exception {
        assertEquals(viaTree(payload), MessageParser.parse(payload));
    }

    /** The reference: the documented rules applied to a Gson tree. */
    private static DysonMessage viaTree(String json) {
        JsonObject object = JsonParser.parseString(json).getAsJsonObject();
        Map<String, String> productState = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        Map<FaultCategory, Map<String, String>> faults = new EnumMap<>(FaultCategory.class);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String key = entry.getKey();
            if ("msg".equals(key) || "time".equals(key)) {
                continue;
            }
            FaultCategory category = null;
            for (FaultCategory candidate : FaultCategory.values()) {
                if (candidate.wireName().equals(key)) {
                    category = candidate;
                }
            }
            if ("product-state".equals(key)) {
                flatten(entry.getValue(), productState);
            } else if ("data".equals(key)) {
                flatten(entry.getValue(), data);
            } else if (category != null) {
                Map<String, String> map = new LinkedHashMap<>();
                flatten(entry.getValue(), map);
                faults.put(category, map);
            } else {
                String text = primitive(entry.getValue());
                if (text != null) {
                    attributes.put(key, text);
                }
            }
        }
        String rawType = String.valueOf(primitive(object.get("msg")));
        return new DysonMessage(MessageType.fromWire(rawType), rawType, primitive(object.get("time")), productState,
                data, faults, attributes);
    }

    private static void flatten(JsonElement element, Map<String, String> target) {
        if (element instanceof JsonObject object) {
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                JsonElement value = entry.getValue();
                String text = value instanceof JsonArray array
                        ? (array.isEmpty() ? null : primitive(array.get(array.size() == 1 ? 0 : 1)))
                        : primitive(value);
                if (text != null) {
                    target.put(entry.getKey(), text);
                }
            }
        }
    }

    private static @Nullable String primitive(@Nullable JsonElement element) {
        return element instanceof JsonPrimitive primitive ? primitive.getAsString() : null;
    }
}
