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

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.protocol.DeviceState;

/**
 * Decoders of the robot vacuums' channels (§8) from the top-level keys of their messages.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class RobotDecoders {

    /**
     * Every state the public clients know (libdyson's {@code VacuumState}, matterbridge's {@code Dyson360State}); the
     * captures show 15 of them.
     */
    static final List<String> STATES = List.of("MACHINE_OFF", "INACTIVE_CHARGED", "INACTIVE_CHARGING",
            "INACTIVE_DISCHARGING", "FULL_CLEAN_INITIATED", "FULL_CLEAN_RUNNING", "FULL_CLEAN_DISCOVERING",
            "FULL_CLEAN_TRAVERSING", "FULL_CLEAN_PAUSED", "FULL_CLEAN_NEEDS_CHARGE", "FULL_CLEAN_CHARGING",
            "FULL_CLEAN_FINISHED", "FULL_CLEAN_ABORTED", "FULL_CLEAN_ABANDONED", "MAPPING_INITIATED",
            "MAPPING_RUNNING", "MAPPING_PAUSED", "MAPPING_NEEDS_CHARGE", "MAPPING_CHARGING", "MAPPING_FINISHED",
            "MAPPING_ABORTED", "FAULT_USER_RECOVERABLE", "FAULT_REPLACE_ON_DOCK", "FAULT_RETURN_TO_DOCK",
            "FAULT_ON_DOCK", "FAULT_ON_DOCK_CHARGED", "FAULT_ON_DOCK_CHARGING", "FAULT_LOST", "FAULT_CRITICAL",
            "FAULT_GETTING_INFO", "FAULT_RUNNING_DIAGNOSTIC", "FAULT_CALL_HELPLINE", "FAULT_CONTACT_HELPLINE");
    /** A clean or a mapping run is under way (also while it recharges half-way); not when paused. */
    static final Set<String> CLEANING = Set.of("FULL_CLEAN_INITIATED", "FULL_CLEAN_RUNNING", "FULL_CLEAN_DISCOVERING",
            "FULL_CLEAN_TRAVERSING", "FULL_CLEAN_NEEDS_CHARGE", "FULL_CLEAN_CHARGING", "MAPPING_INITIATED",
            "MAPPING_RUNNING", "MAPPING_NEEDS_CHARGE", "MAPPING_CHARGING");
    /** The robot is on its dock and charging. */
    static final Set<String> CHARGING = Set.of("INACTIVE_CHARGING", "FULL_CLEAN_CHARGING", "MAPPING_CHARGING",
            "FAULT_ON_DOCK_CHARGING");
    /** A paused clean or mapping run, which RESUME continues. */
    static final Set<String> PAUSED = Set.of("FULL_CLEAN_PAUSED", "MAPPING_PAUSED");

    private RobotDecoders() {
    }

    /** ON while a clean is under way, OFF in any other known state, UNDEF before the state or for an unknown one. */
    static ChannelValue cleaning(DeviceState state) {
        return inSet(state.attribute("state"), CLEANING);
    }

    /** ON while the robot charges, OFF in any other known state. */
    static ChannelValue charging(DeviceState state) {
        return inSet(state.attribute("state"), CHARGING);
    }

    private static ChannelValue inSet(@Nullable String robotState, Set<String> on) {
        if (robotState == null || !STATES.contains(robotState)) {
            return ChannelValue.UNDEFINED;
        }
        return new ChannelValue.OnOff(on.contains(robotState));
    }

    /** {@code fullCleanType}: {@code immediate} → {@code IMMEDIATE}, … ; none ({@code ""}) → {@code NONE}. */
    static ChannelValue cleanType(@Nullable String type) {
        if (type == null) {
            return ChannelValue.UNDEFINED;
        }
        return new ChannelValue.Text(type.isBlank() ? "NONE" : type.trim().toUpperCase(Locale.ROOT));
    }

    /** A text that the robot sends empty when it has none (the clean id before the first clean). */
    static ChannelValue nonEmpty(@Nullable String value) {
        return value == null || value.isBlank() ? ChannelValue.UNDEFINED : new ChannelValue.Text(value);
    }

    /** {@code globalPosition} {@code [x, y]} (kept as {@code x,y}) as {@code x,y}; UNDEF when not reported. */
    static ChannelValue position(@Nullable String position) {
        if (position == null || position.split(",").length != 2) {
            return ChannelValue.UNDEFINED;
        }
        return new ChannelValue.Text(position);
    }

    /** The active faults, comma-separated, or {@code NONE}; UNDEF before the robot told its state. */
    static ChannelValue activeFaults(DeviceState state) {
        if (state.attribute("state") == null) {
            return ChannelValue.UNDEFINED;
        }
        List<String> active = state.activeRobotFaults();
        return new ChannelValue.Text(active.isEmpty() ? "NONE" : String.join(",", active));
    }
}
