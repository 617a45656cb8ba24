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
package org.openhab.binding.dyson.internal.transport;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Which transports a device link may use and which one it prefers (the decision is {@link TransportChoice}):
 * {@link #AUTO} prefers what the account says of the device, {@link #LOCAL_FIRST} and {@link #CLOUD_FIRST} prefer the
 * named path; these three fall back to the other path and return to the preferred one. {@link #LOCAL} and
 * {@link #CLOUD} use one path only.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum TransportMode {
    AUTO("auto"),
    LOCAL("local"),
    CLOUD("cloud"),
    LOCAL_FIRST("local-first"),
    CLOUD_FIRST("cloud-first");

    private final String configValue;

    TransportMode(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the {@code transport} configuration parameter, e.g. {@code local-first}. */
    public String configValue() {
        return configValue;
    }

    /** Whether this mode uses both paths, the preferred one and the other as a fallback. */
    public boolean hasFallback() {
        return this == AUTO || this == LOCAL_FIRST || this == CLOUD_FIRST;
    }

    /**
     * The mode for a configuration value (any case, surrounding blanks ignored; empty means {@link #AUTO}); null for
     * an unknown value.
     */
    public static @Nullable TransportMode fromConfigValue(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return AUTO;
        }
        for (TransportMode mode : values()) {
            if (mode.configValue.equals(wanted)) {
                return mode;
            }
        }
        return null;
    }
}
