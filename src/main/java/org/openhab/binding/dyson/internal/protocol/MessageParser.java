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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Parses the JSON payloads of the {@code status/*} topics into {@link DysonMessage}s. Stateless and thread-safe.
 * <p>
 * Values are taken as strings whatever their JSON type; a {@code [old, new]} pair gives {@code new}, a one-element
 * array its only element; empty arrays, objects and nulls inside the value maps are skipped. Unknown top-level keys are
 * kept in {@link DysonMessage#attributes()} if their value is a primitive and dropped otherwise.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class MessageParser {

    private static final String MSG = "msg";
    private static final String TIME = "time";
    private static final String PRODUCT_STATE = "product-state";
    private static final String DATA = "data";
    private static final Map<String, FaultCategory> FAULT_CATEGORIES = Arrays.stream(FaultCategory.values())
            .collect(Collectors.toUnmodifiableMap(FaultCategory::wireName, category -> category));

    private MessageParser() {
    }

    /** Parses a UTF-8 payload as received from MQTT. */
    public static DysonMessage parse(byte[] payload) throws MessageParseException {
        return parse(new String(payload, StandardCharsets.UTF_8));
    }

    /**
     * Parses one payload.
     *
     * @throws MessageParseException if the text is not a JSON object with a string {@code msg}
     */
    public static DysonMessage parse(String json) throws MessageParseException {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException | IllegalStateException e) {
            throw new MessageParseException("Payload is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isJsonObject()) {
            throw new MessageParseException("Payload is not a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        String rawType = primitiveString(object.get(MSG));
        if (rawType == null) {
            throw new MessageParseException("Payload has no 'msg' string");
        }
        Map<String, String> productState = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        Map<FaultCategory, Map<String, String>> faults = new EnumMap<>(FaultCategory.class);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            if (MSG.equals(key) || TIME.equals(key)) {
                continue;
            }
            if (PRODUCT_STATE.equals(key)) {
                flatten(value, productState);
            } else if (DATA.equals(key)) {
                flatten(value, data);
            } else if (FAULT_CATEGORIES.get(key) != null) {
                FaultCategory category = Objects.requireNonNull(FAULT_CATEGORIES.get(key));
                Map<String, String> map = new LinkedHashMap<>();
                flatten(value, map);
                faults.put(category, map);
            } else {
                String text = primitiveString(value);
                if (text != null) {
                    attributes.put(key, text);
                }
            }
        }
        return new DysonMessage(MessageType.fromWire(rawType), rawType, primitiveString(object.get(TIME)),
                productState, data, faults, attributes);
    }

    private static void flatten(@Nullable JsonElement element, Map<String, String> target) {
        if (element == null || !element.isJsonObject()) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
            String value = valueOf(entry.getValue());
            if (value != null) {
                target.put(entry.getKey(), value);
            }
        }
    }

    /** A plain value, or the new value of an {@code [old, new]} pair (the only one of a one-element array). */
    static @Nullable String valueOf(@Nullable JsonElement element) {
        if (element != null && element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            if (array.isEmpty()) {
                return null;
            }
            return primitiveString(array.get(array.size() == 1 ? 0 : 1));
        }
        return primitiveString(element);
    }

    private static @Nullable String primitiveString(@Nullable JsonElement element) {
        if (element instanceof JsonPrimitive primitive) {
            return primitive.getAsString();
        }
        return null;
    }
}
