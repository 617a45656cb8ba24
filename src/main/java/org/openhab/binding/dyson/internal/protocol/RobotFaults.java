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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The faults a robot vacuum reports as active (§8), from the text the parser makes of its keys:
 * <ul>
 * <li>{@code activeFaults} (STATE-CHANGE: {@code newActiveFaults}), the fault codes, e.g. {@code 23.0.3} (360 Vis
 * Nav, 360 Heurist);</li>
 * <li>{@code faults}, the parts that fail with their code, e.g. {@code LIFT=23.0.3}, which name the part of a
 * code; a failing part without a listed code counts too;</li>
 * <li>the state itself when it is a {@code FAULT_…} state and no code is known: the 360 Eye reports its faults that
 * way only.</li>
 * </ul>
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class RobotFaults {

    private static final String FAULT_STATE_PREFIX = "FAULT_";

    /**
     * One active fault.
     *
     * @param code what the events name: the fault code, a part, or the fault state
     * @param text what the channel shows: the code with its part when known ({@code LIFT 23.0.3})
     */
    record Fault(String code, String text) {
    }

    private RobotFaults() {
    }

    /** The active faults in the order the robot lists them, each code once. */
    static List<Fault> active(@Nullable String state, @Nullable String activeFaults, @Nullable String faults) {
        Map<String, String> partOfCode = new LinkedHashMap<>();
        for (String entry : split(faults)) {
            int equals = entry.indexOf('=');
            String part = equals < 0 ? entry : entry.substring(0, equals);
            String code = equals < 0 ? entry : entry.substring(equals + 1);
            partOfCode.putIfAbsent(code, part);
        }
        Map<String, Fault> active = new LinkedHashMap<>();
        for (String code : split(activeFaults)) {
            String part = partOfCode.get(code);
            active.putIfAbsent(code, new Fault(code, part == null || part.equals(code) ? code : part + " " + code));
        }
        partOfCode.forEach((code, part) -> active.putIfAbsent(code,
                new Fault(code, part.equals(code) ? code : part + " " + code)));
        if (active.isEmpty() && state != null && state.startsWith(FAULT_STATE_PREFIX)) {
            active.put(state, new Fault(state, state));
        }
        return new ArrayList<>(active.values());
    }

    private static List<String> split(@Nullable String list) {
        List<String> parts = new ArrayList<>();
        if (list != null) {
            for (String part : list.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }
}
