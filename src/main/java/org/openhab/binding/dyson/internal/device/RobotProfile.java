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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.protocol.DeviceState;

/**
 * What differs between the robot vacuums on the wire (§8): the power setting that applies to the next clean, how it is
 * written, and what a START carries.
 * <ul>
 * <li>360 Eye: {@code defaultVacuumPowerMode} {@code halfPower}/{@code fullPower} (captured), written as
 * {@code STATE-SET} {@code "data"} (libdyson, matterbridge); START with {@code fullCleanType} only.</li>
 * <li>360 Heurist: {@code defaultVacuumPowerMode} {@code 1}/{@code 2}/{@code 3} = quiet/high/max (libdyson,
 * matterbridge), written as {@code "defaults"} (libdyson; matterbridge writes {@code "data"}, the app's own STATE-SET
 * for the Vis Nav uses {@code "defaults"}); START also with {@code cleaningMode} {@code global} (libdyson).</li>
 * <li>360 Vis Nav: the cleaning strategy {@code defaultCleaningStrategy} {@code auto}/{@code quick}/{@code quiet}/
 * {@code boost}, written as {@code "defaults"} (both captured from the MyDyson app); START as the app sends it,
 * {@code cleaningMode} {@code global}. When a Vis Nav reports no strategy, its {@code defaultVacuumPowerMode}
 * {@code 1}-{@code 4} is read instead (libdyson's reading).</li>
 * </ul>
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum RobotProfile {
    EYE(DeviceFamily.ROBOT_360_EYE, "defaultVacuumPowerMode", "data", powerModes("HALF", "halfPower", "FULL",
            "fullPower"), Map.of(), false),
    HEURIST(DeviceFamily.ROBOT_360_HEURIST, "defaultVacuumPowerMode", "defaults",
            powerModes("QUIET", "1", "HIGH", "2", "MAX", "3"), Map.of(), true),
    VIS_NAV(DeviceFamily.ROBOT_360_VIS_NAV, "defaultCleaningStrategy", "defaults",
            powerModes("AUTO", "auto", "QUICK", "quick", "QUIET", "quiet", "BOOST", "boost"),
            Map.of("1", "AUTO", "2", "QUICK", "3", "QUIET", "4", "BOOST"), true);

    /** The key a robot reports its power setting for the next clean with when the model's own key is missing. */
    private static final String FALLBACK_KEY = "defaultVacuumPowerMode";

    private final DeviceFamily family;
    private final String powerModeKey;
    private final String stateSetContainer;
    /** Channel option → wire value, in the order the channel offers them. */
    private final Map<String, String> powerModes;
    /** {@link #FALLBACK_KEY} value → channel option (Vis Nav only). */
    private final Map<String, String> fallbackPowerModes;
    private final boolean cleaningMode;

    RobotProfile(DeviceFamily family, String powerModeKey, String stateSetContainer, Map<String, String> powerModes,
            Map<String, String> fallbackPowerModes, boolean cleaningMode) {
        this.family = family;
        this.powerModeKey = powerModeKey;
        this.stateSetContainer = stateSetContainer;
        this.powerModes = powerModes;
        this.fallbackPowerModes = fallbackPowerModes;
        this.cleaningMode = cleaningMode;
    }

    private static Map<String, String> powerModes(String... optionThenWire) {
        Map<String, String> modes = new LinkedHashMap<>();
        for (int i = 0; i < optionThenWire.length; i += 2) {
            modes.put(optionThenWire[i], optionThenWire[i + 1]);
        }
        return modes;
    }

    /** The profile of a robot family, or null for an air treatment family. */
    public static @Nullable RobotProfile of(DeviceFamily family) {
        for (RobotProfile profile : values()) {
            if (profile.family == family) {
                return profile;
            }
        }
        return null;
    }

    public DeviceFamily family() {
        return family;
    }

    /** The options of the {@code power-mode} channel, e.g. {@code HALF}, {@code FULL}. */
    public List<String> powerModeOptions() {
        return new ArrayList<>(powerModes.keySet());
    }

    /** The keys the power setting is read from, preferred first. */
    List<String> powerModeKeys() {
        return fallbackPowerModes.isEmpty() ? List.of(powerModeKey) : List.of(powerModeKey, FALLBACK_KEY);
    }

    /** The power setting for the next clean as a channel option; a value the binding does not know as sent. */
    ChannelValue decodePowerMode(DeviceState state) {
        String wire = state.attribute(powerModeKey);
        if (wire != null) {
            for (Map.Entry<String, String> mode : powerModes.entrySet()) {
                if (mode.getValue().equals(wire)) {
                    return new ChannelValue.Text(mode.getKey());
                }
            }
            return new ChannelValue.Text(wire);
        }
        String fallback = fallbackPowerModes.isEmpty() ? null : state.attribute(FALLBACK_KEY);
        if (fallback == null) {
            return ChannelValue.UNDEFINED;
        }
        String option = fallbackPowerModes.get(fallback);
        return new ChannelValue.Text(option != null ? option : fallback);
    }

    /**
     * The fields of the {@code STATE-SET} that makes {@code option} the power setting of the next clean, e.g.
     * {@code "data":{"defaultVacuumPowerMode":"halfPower"}}.
     *
     * @throws InvalidCommandException when the model has no such power mode
     */
    Map<String, Map<String, String>> powerModeStateSet(String option) throws InvalidCommandException {
        String wire = powerModes.get(option.trim().toUpperCase(Locale.ROOT));
        if (wire == null) {
            throw new InvalidCommandException("The " + productName() + " has no power mode '" + option
                    + "'; it takes " + String.join(", ", powerModes.keySet()));
        }
        return Map.of(stateSetContainer, Map.of(powerModeKey, wire));
    }

    /** The model's name, e.g. {@code 360 Eye}. */
    public String productName() {
        for (ProductType type : ProductType.values()) {
            if (type.family() == family) {
                return type.productName();
            }
        }
        return family.thingTypeId();
    }

    /** The fields of a START of a whole-home clean now, after {@code msg}, {@code time} and {@code mode-reason}. */
    Map<String, String> startFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fullCleanType", "immediate");
        if (cleaningMode) {
            fields.put("cleaningMode", "global");
        }
        return fields;
    }
}
