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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Payloads of the trigger channel {@code status#events}.
 * <ul>
 * <li>{@code FAULT_RAISED:<code>} — a product error or warning (e.g. {@code amf1}, {@code t&hs}, {@code fltr})
 * changed to {@code FAIL} (also for faults already failing when the first fault report arrives);</li>
 * <li>{@code FAULT_CLEARED:<code>} — it changed from {@code FAIL} back to {@code OK};</li>
 * <li>{@code FILTER_REPLACE} — the filter needs replacing (warning {@code fltr} or warning code {@code wacd=FLTR}
 * became active; fired once until both are inactive again);</li>
 * <li>{@code TANK_EMPTY} ({@code tnke}), {@code TANK_MISSING} ({@code tnkp}), {@code DEEP_CLEAN_DUE}
 * ({@code cldu}) — humidifier warnings became active.</li>
 * </ul>
 * Wi-Fi module diagnostics ({@code module-errors}, {@code module-warnings}) raise no events.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class DeviceEvents {

    public static final String FAULT_RAISED = "FAULT_RAISED";
    public static final String FAULT_CLEARED = "FAULT_CLEARED";
    public static final String FILTER_REPLACE = "FILTER_REPLACE";
    public static final String TANK_EMPTY = "TANK_EMPTY";
    public static final String TANK_MISSING = "TANK_MISSING";
    public static final String DEEP_CLEAN_DUE = "DEEP_CLEAN_DUE";

    private static final Map<String, String> NAMED_WARNINGS = Map.of("tnke", TANK_EMPTY, "tnkp", TANK_MISSING,
            "cldu", DEEP_CLEAN_DUE);

    private DeviceEvents() {
    }

    public static String faultRaised(String code) {
        return FAULT_RAISED + ":" + code;
    }

    public static String faultCleared(String code) {
        return FAULT_CLEARED + ":" + code;
    }

    /** The named event of a humidifier warning code, or null. */
    static @Nullable String namedWarning(String code) {
        return NAMED_WARNINGS.get(code);
    }
}
