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

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One parsed device message. All maps are unmodifiable, keep the wire order and hold plain string values:
 * {@code STATE-CHANGE} / {@code FAULTS-CHANGE} pairs are already reduced to their new value.
 *
 * @param type the message type ({@link MessageType#UNKNOWN} for types the binding does not know)
 * @param rawType the {@code msg} string as received
 * @param time the {@code time} string as received, or null
 * @param productState {@code product-state} keys (CURRENT-STATE, STATE-CHANGE)
 * @param data {@code data} keys (sensor data, or the command data of a STATE-SET)
 * @param faults the fault maps by category (CURRENT-FAULTS, FAULTS-CHANGE)
 * @param attributes the other top-level keys with string values, e.g. {@code rssi}, {@code channel},
 *            {@code mode-reason}, {@code state-reason}, {@code serialNumber}, {@code version}
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record DysonMessage(MessageType type, String rawType, @Nullable String time, Map<String, String> productState,
        Map<String, String> data, Map<FaultCategory, Map<String, String>> faults, Map<String, String> attributes) {

    public DysonMessage {
        productState = copy(productState);
        data = copy(data);
        if (faults.isEmpty()) {
            faults = Map.of();
        } else {
            Map<FaultCategory, Map<String, String>> faultCopy = new EnumMap<>(FaultCategory.class);
            faults.forEach((category, map) -> faultCopy.put(category, copy(map)));
            faults = Collections.unmodifiableMap(faultCopy);
        }
        attributes = copy(attributes);
    }

    /** An unmodifiable copy in the same order (most messages leave most maps empty: no copy for those). */
    private static Map<String, String> copy(Map<String, String> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A top-level string attribute, or null. */
    public @Nullable String attribute(String key) {
        return attributes.get(key);
    }
}
