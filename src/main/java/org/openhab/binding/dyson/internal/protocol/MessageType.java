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

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The {@code msg} values of the air-device messages the binding understands; anything else is {@link #UNKNOWN}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum MessageType {
    CURRENT_STATE("CURRENT-STATE"),
    STATE_CHANGE("STATE-CHANGE"),
    ENVIRONMENTAL_CURRENT_SENSOR_DATA("ENVIRONMENTAL-CURRENT-SENSOR-DATA"),
    CURRENT_FAULTS("CURRENT-FAULTS"),
    FAULTS_CHANGE("FAULTS-CHANGE"),
    HELLO("HELLO"),
    GOODBYE("GOODBYE"),
    GONE_AWAY("GONE-AWAY"),
    IM_BACK("IM-BACK"),
    STATE_SET("STATE-SET"),
    UNKNOWN("");

    private static final Map<String, MessageType> BY_WIRE_NAME = Arrays.stream(values()).filter(t -> t != UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(MessageType::wireName, type -> type));

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code msg} string on the wire (empty for {@link #UNKNOWN}). */
    public String wireName() {
        return wireName;
    }

    /** Whether this message tells about the device's link to its broker (HELLO, GOODBYE, GONE-AWAY, IM-BACK). */
    public boolean isConnectionMessage() {
        return this == HELLO || this == GOODBYE || this == GONE_AWAY || this == IM_BACK;
    }

    /** Maps a {@code msg} value; unknown or absent values give {@link #UNKNOWN}. */
    public static MessageType fromWire(String msg) {
        return BY_WIRE_NAME.getOrDefault(msg, UNKNOWN);
    }
}
