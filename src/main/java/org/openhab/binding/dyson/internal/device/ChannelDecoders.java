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
package org.openhab.binding.dyson.internal.device;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.ValueCodec;

/**
 * Decoders from a {@link DeviceState} to {@link ChannelValue}s. Numeric channels never turn {@code OFF},
 * {@code INIT}, {@code FAIL}, {@code NONE} or {@code INV} into a number: those give {@link ChannelValue#UNDEFINED}.
 * String channels show the device's text (e.g. {@code NONE} for "no error").
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class ChannelDecoders {

    static final Map<String, String> WATER_HARDNESS = Map.of("2025", "SOFT", "1350", "MEDIUM", "0675", "HARD");
    static final Map<String, String> DEEP_CLEAN = Map.of("CLNO", "INACTIVE", "CLAC", "ACTIVE", "CLCM", "COMPLETE");
    static final String BREEZE = "BREEZE";
    static final String CUSTOM = "CUSTOM";

    private ChannelDecoders() {
    }

    /** A Switch: {@code on} values give ON, {@code off} values OFF, anything else UNDEF. */
    static ChannelValue onOff(@Nullable String value, List<String> on, List<String> off) {
        if (value == null) {
            return ChannelValue.UNDEFINED;
        }
        if (on.contains(value)) {
            return new ChannelValue.OnOff(true);
        }
        return off.contains(value) ? new ChannelValue.OnOff(false) : ChannelValue.UNDEFINED;
    }

    static ChannelValue onOff(@Nullable String value, String on, String off) {
        return onOff(value, List.of(on), List.of(off));
    }

    static ChannelValue onOff(@Nullable String value) {
        return onOff(value, "ON", "OFF");
    }

    static ChannelValue power(DeviceState state) {
        String fpwr = state.product("fpwr");
        if (fpwr != null) {
            return onOff(fpwr);
        }
        return onOff(state.product("fmod"), List.of("FAN", "AUTO"), List.of("OFF"));
    }

    static ChannelValue autoMode(DeviceState state) {
        String auto = state.product("auto");
        if (auto != null) {
            return onOff(auto);
        }
        return onOff(state.product("fmod"), List.of("AUTO"), List.of("FAN", "OFF"));
    }

    static ChannelValue oscillation(DeviceState state) {
        String oson = state.product("oson");
        if (oson != null) {
            return onOff(oson, List.of("ON", "OION"), List.of("OFF", "OIOF"));
        }
        return onOff(state.product("oton"));
    }

    static ChannelValue fanSpeed(@Nullable String value) {
        Integer speed = ValueCodec.parseNumber(value);
        return speed == null ? ChannelValue.UNDEFINED : new ChannelValue.Decimal(BigDecimal.valueOf(speed));
    }

    /** A reading in a unit, optionally divided by a power of ten. */
    static ChannelValue quantity(@Nullable String value, DysonUnit unit, int decimals) {
        Integer number = ValueCodec.parseNumber(value);
        if (number == null) {
            return ChannelValue.UNDEFINED;
        }
        return new ChannelValue.Quantity(BigDecimal.valueOf(number).movePointLeft(decimals), unit);
    }

    static ChannelValue quantity(@Nullable String value, DysonUnit unit) {
        return quantity(value, unit, 0);
    }

    /** The preferred key if the device sends it, otherwise the fallback key. */
    static ChannelValue preferred(DeviceState state, String key, String fallback, DysonUnit unit) {
        String value = state.sensor(key);
        return quantity(value != null ? value : state.sensor(fallback), unit);
    }

    static ChannelValue celsius(@Nullable String kelvinTenths) {
        Integer number = ValueCodec.parseNumber(kelvinTenths);
        if (number == null) {
            return ChannelValue.UNDEFINED;
        }
        return new ChannelValue.Quantity(ValueCodec.kelvinTenthsToCelsius(number), DysonUnit.CELSIUS);
    }

    /** Sleep timer minutes; {@code OFF} means no timer and shows as 0 min. */
    static ChannelValue sleepTimer(@Nullable String value) {
        if (value != null && "OFF".equalsIgnoreCase(value)) {
            return new ChannelValue.Quantity(BigDecimal.ZERO, DysonUnit.MINUTE);
        }
        return quantity(value, DysonUnit.MINUTE);
    }

    /** Received signal strength; positive numbers (seen on some 2023 firmware) are not dBm and stay undefined. */
    static ChannelValue rssi(@Nullable String value) {
        Integer number = ValueCodec.parseNumber(value);
        if (number == null || number > 0) {
            return ChannelValue.UNDEFINED;
        }
        return new ChannelValue.Quantity(BigDecimal.valueOf(number), DysonUnit.DBM);
    }

    static ChannelValue text(@Nullable String value) {
        return value == null ? ChannelValue.UNDEFINED : new ChannelValue.Text(value);
    }

    /** A text mapped through a table; unknown values are shown as sent. */
    static ChannelValue mapped(@Nullable String value, Map<String, String> table) {
        if (value == null) {
            return ChannelValue.UNDEFINED;
        }
        String mapped = table.get(value);
        return new ChannelValue.Text(mapped != null ? mapped : value);
    }

    /** {@code ancp}: {@code 0045} → {@code 45}, {@code BRZE} → {@code BREEZE}, {@code CUST} → {@code CUSTOM}. */
    static ChannelValue anglePreset(@Nullable String ancp) {
        if (ancp == null) {
            return ChannelValue.UNDEFINED;
        }
        if ("BRZE".equals(ancp)) {
            return new ChannelValue.Text(BREEZE);
        }
        if ("CUST".equals(ancp)) {
            return new ChannelValue.Text(CUSTOM);
        }
        Integer degrees = ValueCodec.parseNumber(ancp);
        return new ChannelValue.Text(degrees != null ? degrees.toString() : ancp);
    }

    /** Big+Quiet tilt: {@code BREEZE} or the fixed angle {@code 0}, {@code 25}, {@code 50}. */
    static ChannelValue tilt(DeviceState state) {
        String otal = state.product("otal");
        if ("BRZE".equals(state.product("anct")) || "0359".equals(otal)) {
            return new ChannelValue.Text(BREEZE);
        }
        Integer degrees = ValueCodec.parseNumber(otal);
        return degrees == null ? ChannelValue.UNDEFINED : new ChannelValue.Text(degrees.toString());
    }

    /** Product errors and warnings now failing, comma-separated, or {@code NONE}; UNDEF before any fault report. */
    static ChannelValue activeFaults(DeviceState state) {
        if (!state.isFaultsReceived()) {
            return ChannelValue.UNDEFINED;
        }
        List<String> active = state.activeProductFaults();
        return new ChannelValue.Text(active.isEmpty() ? "NONE" : String.join(",", active));
    }

    static ChannelValue undefined(DeviceState state) {
        return ChannelValue.UNDEFINED;
    }
}
