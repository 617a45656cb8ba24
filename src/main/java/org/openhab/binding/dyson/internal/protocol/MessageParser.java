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

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Parses the JSON payloads of the {@code status/*} topics into {@link DysonMessage}s. Stateless and thread-safe.
 * <p>
 * Values are taken as strings whatever their JSON type; a {@code [old, new]} pair gives {@code new}, a one-element
 * array its only element; empty arrays, objects and nulls inside the value maps are skipped. Unknown top-level keys are
 * kept in {@link DysonMessage#attributes()} if their value is a primitive and dropped otherwise, except the robot
 * vacuums' structured keys (§8), kept as text: {@code globalPosition} {@code [x, y]} as {@code "x,y"}, the fault lists
 * {@code activeFaults}/{@code newActiveFaults}/{@code oldActiveFaults} as their {@code faultCode}s joined by commas
 * ({@code ""} for an empty list), and the {@code faults} map as its active parts, {@code PART=description} joined by
 * commas.
 * <p>
 * The payload is read as a stream (Gson's {@link JsonReader}, lenient as {@code JsonParser}) straight into the
 * message's maps, without building a JSON tree first: messages arrive for every device all day long.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class MessageParser {

    private static final String MSG = "msg";
    private static final String TIME = "time";
    private static final String PRODUCT_STATE = "product-state";
    private static final String DATA = "data";
    /** Robot keys whose value is a list (§8): a position or fault lists. */
    private static final Set<String> ROBOT_LISTS = Set.of("globalPosition", "activeFaults", "newActiveFaults",
            "oldActiveFaults");
    /** The robots' map of parts to fault status, {@code {"LIFT":{"active":true,"description":"23.0.3"},…}}. */
    private static final String ROBOT_FAULTS = "faults";
    private static final String FAULT_CODE = "faultCode";
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
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setLenient(true);
        try {
            JsonToken first;
            try {
                first = reader.peek();
            } catch (EOFException e) {
                throw new MessageParseException("Payload is not a JSON object");
            }
            if (first != JsonToken.BEGIN_OBJECT) {
                throw new MessageParseException("Payload is not a JSON object");
            }
            DysonMessage message = readMessage(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MessageParseException("Payload is not valid JSON: more after the object");
            }
            return message;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new MessageParseException("Payload is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static DysonMessage readMessage(JsonReader reader) throws IOException, MessageParseException {
        String rawType = null;
        String time = null;
        Map<String, String> productState = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        Map<FaultCategory, Map<String, String>> faults = new EnumMap<>(FaultCategory.class);
        Map<String, String> attributes = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            FaultCategory category;
            if (MSG.equals(key)) {
                rawType = primitive(reader);
            } else if (TIME.equals(key)) {
                time = primitive(reader);
            } else if (PRODUCT_STATE.equals(key)) {
                productState.clear(); // a repeated key counts once, with its last value
                flatten(reader, productState);
            } else if (DATA.equals(key)) {
                data.clear();
                flatten(reader, data);
            } else if ((category = FAULT_CATEGORIES.get(key)) != null) {
                Map<String, String> map = new LinkedHashMap<>();
                flatten(reader, map);
                faults.put(category, map);
            } else {
                String text = ROBOT_LISTS.contains(key) ? listText(reader)
                        : ROBOT_FAULTS.equals(key) ? robotFaultsText(reader) : primitive(reader);
                if (text != null) {
                    attributes.put(key, text);
                } else {
                    attributes.remove(key);
                }
            }
        }
        reader.endObject();
        if (rawType == null) {
            throw new MessageParseException("Payload has no 'msg' string");
        }
        return new DysonMessage(MessageType.fromWire(rawType), rawType, time, productState, data, faults,
                attributes);
    }

    /** Reads an object of plain values or pairs into {@code target}; any other value is skipped. */
    private static void flatten(JsonReader reader, Map<String, String> target) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            reader.skipValue();
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            String value = reader.peek() == JsonToken.BEGIN_ARRAY ? pairValue(reader) : primitive(reader);
            if (value != null) {
                target.put(key, value);
            } else {
                target.remove(key);
            }
        }
        reader.endObject();
    }

    /** The new value of an {@code [old, new]} pair (the only one of a one-element array); null if none. */
    private static @Nullable String pairValue(JsonReader reader) throws IOException {
        reader.beginArray();
        String first = null;
        String second = null;
        int count = 0;
        while (reader.hasNext()) {
            String value = primitive(reader);
            if (count == 0) {
                first = value;
            } else if (count == 1) {
                second = value;
            }
            count++;
        }
        reader.endArray();
        return count == 0 ? null : count == 1 ? first : second;
    }

    /**
     * A list as text: its primitive elements, and the {@code faultCode} of its object elements, joined by commas;
     * {@code ""} for an empty list; a primitive as itself; null for anything else.
     */
    private static @Nullable String listText(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            return primitive(reader);
        }
        List<String> parts = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            String part;
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                part = null;
                reader.beginObject();
                while (reader.hasNext()) {
                    if (FAULT_CODE.equals(reader.nextName())) {
                        part = primitive(reader);
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
            } else {
                part = primitive(reader);
            }
            if (part != null) {
                parts.add(part);
            }
        }
        reader.endArray();
        return String.join(",", parts);
    }

    /**
     * A robot's fault map as text: {@code PART=description} (or just {@code PART}) of every part whose
     * {@code active} is true, joined by commas; {@code ""} when none is; null when the value is no object.
     */
    private static @Nullable String robotFaultsText(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            reader.skipValue();
            return null;
        }
        List<String> parts = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String part = reader.nextName();
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                reader.skipValue();
                continue;
            }
            boolean active = false;
            String description = null;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if ("active".equals(name)) {
                    active = "true".equalsIgnoreCase(primitive(reader));
                } else if ("description".equals(name)) {
                    description = primitive(reader);
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (active) {
                parts.add(description == null || description.isEmpty() ? part : part + "=" + description);
            }
        }
        reader.endObject();
        return String.join(",", parts);
    }

    /** A primitive value as text (numbers as written, booleans as true/false); null for null, objects, arrays. */
    private static @Nullable String primitive(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case STRING:
            case NUMBER:
                return reader.nextString();
            case BOOLEAN:
                return Boolean.toString(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return null;
            default:
                reader.skipValue();
                return null;
        }
    }
}
