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

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Builds the JSON messages the binding publishes on {@code <root>/<serial>/command} (§4.5): the three requests,
 * {@code STATE-SET} and the robot vacuums' commands (§8). {@code time} is ISO-8601 UTC to the second (e.g.
 * {@code 2025-01-01T12:00:00Z}) from the injected clock; {@code mode-reason} is {@code LAPP}. Thread-safe.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class MessageFactory {

    public static final String REQUEST_CURRENT_STATE = "REQUEST-CURRENT-STATE";
    public static final String REQUEST_ENVIRONMENT = "REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA";
    public static final String REQUEST_CURRENT_FAULTS = "REQUEST-CURRENT-FAULTS";
    public static final String MODE_REASON = "LAPP";

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final Clock clock;

    public MessageFactory(Clock clock) {
        this.clock = clock;
    }

    public MessageFactory() {
        this(Clock.systemUTC());
    }

    /** {@code {"msg":"REQUEST-CURRENT-STATE","time":"…"}} */
    public String requestCurrentState() {
        return request(REQUEST_CURRENT_STATE);
    }

    /** {@code {"msg":"REQUEST-PRODUCT-ENVIRONMENT-CURRENT-SENSOR-DATA","time":"…"}} */
    public String requestEnvironment() {
        return request(REQUEST_ENVIRONMENT);
    }

    /** {@code {"msg":"REQUEST-CURRENT-FAULTS","time":"…"}} */
    public String requestCurrentFaults() {
        return request(REQUEST_CURRENT_FAULTS);
    }

    /** {@code {"msg":"STATE-SET","time":"…","mode-reason":"LAPP","data":{…}}} with the data in the given order. */
    public String stateSet(Map<String, String> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("STATE-SET needs at least one key");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msg", MessageType.STATE_SET.wireName());
        message.put("time", now());
        message.put("mode-reason", MODE_REASON);
        message.put("data", new LinkedHashMap<>(data));
        return gson.toJson(message);
    }

    /**
     * A robot vacuum's command (§8): {@code {"msg":"START","time":"…","mode-reason":"LAPP",…}} with the fields in
     * the given order after those three; a field's value is a string or a map of strings (the {@code data} or
     * {@code defaults} of a robot's STATE-SET).
     */
    public String robotCommand(String msg, Map<String, ?> fields) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msg", msg);
        message.put("time", now());
        message.put("mode-reason", MODE_REASON);
        message.putAll(fields);
        return gson.toJson(message);
    }

    private String request(String msg) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msg", msg);
        message.put("time", now());
        return gson.toJson(message);
    }

    /** The current time as the messages carry it. */
    public String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }
}
