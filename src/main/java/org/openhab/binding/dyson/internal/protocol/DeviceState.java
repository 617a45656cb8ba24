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
 * <p>
 * A robot vacuum's state (§8) is all top-level keys: they are kept as attributes, a STATE-CHANGE's {@code newstate}
 * and {@code newActiveFaults} as {@code state} and {@code activeFaults}; its faults are worked out from them (see
 * {@link #activeRobotFaults()}) and raise the events of {@link RobotEvents}.
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

    /**
     * Robot keys that describe only the state message they came in: a robot's state message without one means it is
     * gone (no fault, no position while docked, no clean running), as in matterbridge's reading of §8.
     */
    static final Set<String> ROBOT_SNAPSHOT_KEYS = Set.of("activeFaults", "faults", "globalPosition", "cleanDuration");
    /** A robot's STATE-CHANGE names the new values so; they are kept under the names of its CURRENT-STATE. */
    private static final Map<String, String> ROBOT_RENAMES = Map.of("newstate", "state", "newActiveFaults",
            "activeFaults");
    private static final String ROBOT_STATE = "state";

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
    private boolean robot;
    private List<RobotFaults.Fault> robotFaults = List.of();

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
                if (isRobotState(message)) {
                    robot = true;
                    String before = attributes.get(ROBOT_STATE);
                    mergeRobotState(message, changed);
                    updateRobot(before, events);
                } else {
                    mergeValues(message.productState(), productState, KNOWN_PRODUCT_KEYS, changed);
                    mergeAttributes(message, changed);
                    updateFilterWarning(events);
                }
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
                String before = attributes.get(ROBOT_STATE);
                mergeAttributes(message, changed);
                if (robot || message.attribute(ROBOT_STATE) != null) {
                    robot = true; // only a robot's IM-BACK tells its state
                    updateRobot(before, events);
                }
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

    /** A robot vacuum's state message: its state is a top-level {@code state} (STATE-CHANGE: {@code newstate}). */
    private static boolean isRobotState(DysonMessage message) {
        return message.productState().isEmpty()
                && (message.attribute(ROBOT_STATE) != null || message.attribute("newstate") != null);
    }

    /** Merges a robot's state message: new values under their CURRENT-STATE names, snapshot keys it lacks removed. */
    private void mergeRobotState(DysonMessage message, Set<String> changed) {
        Map<String, String> incoming = new HashMap<>();
        message.attributes().forEach((key, value) -> incoming.put(ROBOT_RENAMES.getOrDefault(key, key), value));
        for (String key : ROBOT_SNAPSHOT_KEYS) {
            if (!incoming.containsKey(key) && attributes.remove(key) != null) {
                changed.add(key);
            }
        }
        incoming.forEach((key, value) -> {
            if (!value.equals(attributes.put(key, value))) {
                changed.add(key);
            }
        });
    }

    /** A robot's faults and clean events after its state changed from {@code before}. */
    private void updateRobot(@Nullable String before, List<String> events) {
        String now = attributes.get(ROBOT_STATE);
        if (now != null && !now.equals(before)) {
            if (RobotEvents.STARTED_STATE.equals(now)) {
                events.add(RobotEvents.CLEAN_STARTED);
            } else if (RobotEvents.FINISHED_STATE.equals(now)) {
                events.add(RobotEvents.CLEAN_FINISHED);
            }
        }
        List<RobotFaults.Fault> active = RobotFaults.active(now, attributes.get("activeFaults"),
                attributes.get("faults"));
        Set<String> oldCodes = new HashSet<>();
        robotFaults.forEach(fault -> oldCodes.add(fault.code()));
        Set<String> newCodes = new HashSet<>();
        active.forEach(fault -> newCodes.add(fault.code()));
        for (RobotFaults.Fault fault : robotFaults) {
            if (!newCodes.contains(fault.code())) {
                events.add(DeviceEvents.faultCleared(fault.code()));
            }
        }
        for (RobotFaults.Fault fault : active) {
            if (!oldCodes.contains(fault.code())) {
                events.add(DeviceEvents.faultRaised(fault.code()));
            }
        }
        robotFaults = List.copyOf(active);
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

    /** Whether the device is a robot vacuum: it has sent a robot's state message (§8). */
    public synchronized boolean isRobot() {
        return robot;
    }

    /**
     * A robot's active faults as its {@code faults} channel shows them (e.g. {@code LIFT 23.0.3}, {@code FAULT_LOST}),
     * in the robot's order; empty when none is active.
     */
    public synchronized List<String> activeRobotFaults() {
        return robotFaults.stream().map(RobotFaults.Fault::text).toList();
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
