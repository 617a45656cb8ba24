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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The value encodings of the Dyson protocol (§6.1): zero-padded 4-digit numbers, temperatures in Kelvin × 10 and the
 * special strings {@code OFF}, {@code INIT}, {@code FAIL}, {@code NONE}, {@code INV} that stand for "no value".
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ValueCodec {

    /** Heat target limits in Kelvin × 10 (1 °C and 37 °C as the device counts them). */
    public static final int HEAT_TARGET_MIN = 2740;
    public static final int HEAT_TARGET_MAX = 3100;

    private static final Set<String> SPECIAL = Set.of("OFF", "INIT", "FAIL", "NONE", "INV");
    private static final BigDecimal KELVIN_OFFSET = new BigDecimal("273.15");

    private ValueCodec() {
    }

    /** Whether a sensor-style value means "no reading" (any case, e.g. libdyson's lowercase {@code off}). */
    public static boolean isSpecial(@Nullable String value) {
        return value != null && SPECIAL.contains(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether the value is {@code NONE}: the key is sent but the unit has no such sensor or part. */
    public static boolean isNotFitted(@Nullable String value) {
        return value != null && "NONE".equalsIgnoreCase(value.trim());
    }

    /** Parses a decimal number such as {@code "0005"} or {@code "-52"}; null for anything else. */
    public static @Nullable Integer parseNumber(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.isEmpty() || text.length() > 9 || !text.matches("-?\\d+")) {
            return null;
        }
        return Integer.valueOf(text);
    }

    /** Writes a number the way the device does: at least four digits, zero-padded. */
    public static String formatNumber(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Negative values are not encoded: " + value);
        }
        return String.format(Locale.ROOT, "%04d", value);
    }

    /** Kelvin × 10 to °C with two decimals: {@code 2956} gives {@code 22.45}. */
    public static BigDecimal kelvinTenthsToCelsius(int kelvinTenths) {
        return BigDecimal.valueOf(kelvinTenths).movePointLeft(1).subtract(KELVIN_OFFSET).setScale(2,
                RoundingMode.HALF_UP);
    }

    /** °C to Kelvin × 10, {@code round((°C + 273.15) × 10)}. */
    public static int celsiusToKelvinTenths(BigDecimal celsius) {
        return celsius.add(KELVIN_OFFSET).movePointRight(1).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
