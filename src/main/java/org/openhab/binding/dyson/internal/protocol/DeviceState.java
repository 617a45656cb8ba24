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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one device has told the binding: product state, sensor data, top-level attributes such as {@code rssi},
 * and faults, merged from all messages. Thread-safe: {@link #apply} and all readers synchronise on this object, and
 * readers return copies.
 * <p>
 * Unknown product-state and sensor keys and unknown message types are stored/ignored and logged at debug level once
 * per key and device.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceState {

    /** Product-state keys of §6.2 (plus a few seen in captures); others are logged once. */
    static final Set<String> KNOWN_PRODUCT_KEYS = Set.of("fpwr", "fmod", "auto", "fnsp", "fnst", "nmod", "nmdv",
            "rhtm", "sltm", "qtar", "fdir", "ffoc", "oson", "oscs", "osal", "osau", "ancp", "oton", "otal", "otau",
            "anct", "otcs", "hmod", "hmax", "hsta", "tilt", "hume", "haut", "humt", "rect", "msta", "psta", "wath",
            "clcr", "cltr", "cdrr", "hflr", "cflr", "sflr", "hflt", "cflt", "sflt", "filf", "rstf", "rhtf", "ercd",
            "wacd", "corf", "bril", "soon", "sost", "dial", "ctll", "fqhp", "fghp");
    /** Sensor keys of §6.3. */
    static final Set<String> KNOWN_SENSOR_KEYS = Set.of("tact", "hact", "pact", "vact", "pm25", "pm10", "p25r",
            "p10r", "va10", "noxl", "hcho", "hchr", "co2r", "co2a", "sltm");

    private static final String FAIL = "FAIL";
    private static final String FILTER_WARNING_CODE = "fltr";

    private final Logger logger = LoggerFactory.getLogger(DeviceState.class);
    private final String deviceId;

    private final Map<String, String> productState = new HashMap<>();
    private final Map<String, String> sensorData = new HashMap<>();
    private final Map<String, String> attributes = new HashMap<>();
    private final Map<FaultCategory, Map<String, String>> faults = new EnumMap<>(FaultCategory.class);
    private final Set<String> loggedUnknown = new HashSet<>();
    private boolean currentStateReceived;
    private boolean sensorDataReceived;
    private boolean faultsReceived;
    private boolean filterWarningActive;
    private @Nullable MessageType lastConnectionMessage;

    /** @param deviceId used in log lines only (e.g. the serial number) */
    public DeviceState(String deviceId) {
        this.deviceId = deviceId;
    }

    public DeviceState() {
        this("device");
    }

    /** Merges one message and tells what changed. Messages of unknown type change nothing. */
    public synchronized StateUpdate apply(DysonMessage message) {
        Set<String> changed = new HashSet<>();
        List<String> events = new ArrayList<>();
        boolean faultsChanged = false;
        switch (message.type()) {
            case CURRENT_STATE, STATE_CHANGE -> {
                if (message.type() == MessageType.CURRENT_STATE) {
                    currentStateReceived = true;
                }
                mergeValues(message.productState(), productState, KNOWN_PRODUCT_KEYS, changed);
                mergeAttributes(message, changed);
                updateFilterWarning(events);
            }
            case ENVIRONMENTAL_CURRENT_SENSOR_DATA -> {
                sensorDataReceived = true;
                mergeValues(message.data(), sensorData, KNOWN_SENSOR_KEYS, changed);
            }
            case CURRENT_FAULTS, FAULTS_CHANGE -> {
                faultsReceived = true;
                faultsChanged = mergeFaults(message, events);
                updateFilterWarning(events);
            }
            case HELLO, GOODBYE, GONE_AWAY, IM_BACK -> {
                lastConnectionMessage = message.type();
                mergeAttributes(message, changed);
            }
            case STATE_SET -> {
                // a command echoed on a subscribed topic: not state
            }
            case UNKNOWN -> logOnce("msg:" + message.rawType(), "Ignoring unknown message type '{}' from {}",
                    message.rawType());
        }
        return new StateUpdate(message.type(), changed, faultsChanged, events);
    }

    private void mergeValues(Map<String, String> source, Map<String, String> target, Set<String> known,
            Set<String> changed) {
        source.forEach((key, value) -> {
            if (!known.contains(key)) {
                logOnce(key, "Unknown key '{}' from {} (kept, not mapped)", key);
            }
            if (!value.equals(target.put(key, value))) {
                changed.add(key);
            }
        });
    }

    private void mergeAttributes(DysonMessage message, Set<String> changed) {
        message.attributes().forEach((key, value) -> {
            if (!value.equals(attributes.put(key, value))) {
                changed.add(key);
            }
        });
    }

    private boolean mergeFaults(DysonMessage message, List<String> events) {
        boolean productChanged = false;
        for (Map.Entry<FaultCategory, Map<String, String>> entry : message.faults().entrySet()) {
            FaultCategory category = entry.getKey();
            Map<String, String> stored = faults.computeIfAbsent(category, c -> new HashMap<>());
            for (Map.Entry<String, String> fault : entry.getValue().entrySet()) {
                String code = fault.getKey();
                boolean nowFailing = FAIL.equalsIgnoreCase(fault.getValue());
                boolean wasFailing = FAIL.equalsIgnoreCase(stored.put(code, fault.getValue()));
                if (!category.isProduct() || nowFailing == wasFailing) {
                    continue;
                }
                productChanged = true;
                if (nowFailing) {
                    events.add(DeviceEvents.faultRaised(code));
                    String named = DeviceEvents.namedWarning(code);
                    if (named != null && category == FaultCategory.PRODUCT_WARNINGS) {
                        events.add(named);
                    }
                } else {
                    events.add(DeviceEvents.faultCleared(code));
                }
            }
        }
        return productChanged;
    }

    private void updateFilterWarning(List<String> events) {
        boolean active = "FLTR".equalsIgnoreCase(productState.get("wacd"))
                || FAIL.equalsIgnoreCase(faultMap(FaultCategory.PRODUCT_WARNINGS).get(FILTER_WARNING_CODE));
        if (active && !filterWarningActive) {
            events.add(DeviceEvents.FILTER_REPLACE);
        }
        filterWarningActive = active;
    }

    private Map<String, String> faultMap(FaultCategory category) {
        Map<String, String> map = faults.get(category);
        return map == null ? Map.of() : map;
    }

    private void logOnce(String memo, String format, String subject) {
        if (loggedUnknown.add(memo)) {
            logger.debug(format, subject, deviceId);
        }
    }

    /** A product-state value, or null if never received. */
    public synchronized @Nullable String product(String key) {
        return productState.get(key);
    }

    /** A sensor value from the environment data, or null if never received. */
    public synchronized @Nullable String sensor(String key) {
        return sensorData.get(key);
    }

    /** A top-level attribute such as {@code rssi} or {@code channel}, or null. */
    public synchronized @Nullable String attribute(String key) {
        return attributes.get(key);
    }

    /** The product-state value of a key if present, otherwise its sensor value ({@code sltm} is in both). */
    public synchronized @Nullable String value(String key) {
        String value = productState.get(key);
        return value != null ? value : sensorData.get(key);
    }

    /** The status ({@code OK}/{@code FAIL}) of a fault code in a category, or null. */
    public synchronized @Nullable String fault(FaultCategory category, String code) {
        return faultMap(category).get(code);
    }

    /** Product error and warning codes currently {@code FAIL}, sorted. */
    public synchronized List<String> activeProductFaults() {
        Set<String> active = new TreeSet<>();
        for (FaultCategory category : FaultCategory.values()) {
            if (category.isProduct()) {
                faultMap(category).forEach((code, status) -> {
                    if (FAIL.equalsIgnoreCase(status)) {
                        active.add(code);
                    }
                });
            }
        }
        return List.copyOf(active);
    }

    /** Whether the device ever sent this product-state or sensor key (whatever its value). */
    public synchronized boolean hasKey(String key) {
        return productState.containsKey(key) || sensorData.containsKey(key);
    }

    /** All product-state and sensor keys received so far. */
    public synchronized Set<String> receivedKeys() {
        Set<String> keys = new TreeSet<>(productState.keySet());
        keys.addAll(sensorData.keySet());
        return keys;
    }

    /** The product-state and sensor keys received so far that the binding does not know, sorted. */
    public synchronized Set<String> unknownKeys() {
        Set<String> unknown = new TreeSet<>();
        productState.keySet().stream().filter(key -> !KNOWN_PRODUCT_KEYS.contains(key)).forEach(unknown::add);
        sensorData.keySet().stream().filter(key -> !KNOWN_SENSOR_KEYS.contains(key)).forEach(unknown::add);
        return unknown;
    }

    /** A copy of the product state. */
    public synchronized Map<String, String> productState() {
        return Map.copyOf(productState);
    }

    /** A copy of the sensor data. */
    public synchronized Map<String, String> sensorData() {
        return Map.copyOf(sensorData);
    }

    /** Decided from the keys received: {@code fpwr} → newer, else {@code fmod} → Link (§5). */
    public synchronized ProtocolGeneration generation() {
        if (productState.containsKey("fpwr")) {
            return ProtocolGeneration.NEWER;
        }
        if (productState.containsKey("fmod")) {
            return ProtocolGeneration.LINK;
        }
        return ProtocolGeneration.UNKNOWN;
    }

    /** Whether a full {@code CURRENT-STATE} has arrived (so absent product keys are really absent). */
    public synchronized boolean isCurrentStateReceived() {
        return currentStateReceived;
    }

    /** Whether any environment data has arrived (so absent sensor keys are really absent). */
    public synchronized boolean isSensorDataReceived() {
        return sensorDataReceived;
    }

    public synchronized boolean isFaultsReceived() {
        return faultsReceived;
    }

    /** The last HELLO / GOODBYE / GONE-AWAY / IM-BACK seen, or null. */
    public synchronized @Nullable MessageType lastConnectionMessage() {
        return lastConnectionMessage;
    }

    /** False after GOODBYE or GONE-AWAY until HELLO or IM-BACK; true if none was seen. */
    public synchronized boolean isDevicePresent() {
        MessageType last = lastConnectionMessage;
        return last != MessageType.GOODBYE && last != MessageType.GONE_AWAY;
    }
}
