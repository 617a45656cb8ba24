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
package org.openhab.binding.dyson.internal.cloud;

import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The mobile number of an account on Dyson's servers in China, in the form Dyson's mobile login calls take it
 * (protocol reference §2.3): {@code +} and the country calling code, e.g. {@code +8613800000000}. Dyson answers 400
 * to a number without it, so a Chinese mobile number typed the way it is dialled at home (11 digits starting with 1)
 * gets {@code +86}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class MobileNumber {

    /** Spaces, dashes, dots and parentheses people type between digit groups. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern CHINESE_MOBILE = Pattern.compile("1[0-9]{10}");

    private MobileNumber() {
    }

    /**
     * The number as Dyson takes it, or null when it does not look like a mobile number.
     * <ul>
     * <li>{@code +86 138 0000 0000}, {@code 0086 13800000000}, {@code 86 13800000000} and {@code 138-0000-0000}
     * become {@code +8613800000000};</li>
     * <li>another number with {@code +} (or {@code 00}) and its country code is kept as it is.</li>
     * </ul>
     */
    public static @Nullable String normalize(String typed) {
        String compact = SEPARATORS.matcher(typed).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (CHINESE_MOBILE.matcher(compact).matches()) {
            return "+86" + compact;
        }
        if (compact.startsWith("86") && CHINESE_MOBILE.matcher(compact.substring(2)).matches()) {
            return "+" + compact;
        }
        return INTERNATIONAL.matcher(compact).matches() ? compact : null;
    }
}
