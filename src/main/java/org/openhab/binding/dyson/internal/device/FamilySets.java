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

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The family sets the channel catalogue refers to.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class FamilySets {

    /** Every family: the channels of the connection and its diagnostics. */
    static final Set<DeviceFamily> EVERY = Set.copyOf(EnumSet.allOf(DeviceFamily.class));
    /** The air treatment families. */
    static final Set<DeviceFamily> AIR = Set.of(DeviceFamily.PURE_COOL_LINK, DeviceFamily.PURE_HOT_COOL_LINK,
            DeviceFamily.PURE_COOL, DeviceFamily.PURE_HOT_COOL, DeviceFamily.PURE_HUMIDIFY_COOL,
            DeviceFamily.BIG_QUIET);
    /** The robot vacuums. */
    static final Set<DeviceFamily> ROBOTS = Set.of(DeviceFamily.ROBOT_360_EYE, DeviceFamily.ROBOT_360_HEURIST,
            DeviceFamily.ROBOT_360_VIS_NAV);
    /**
     * Devices that report their Wi-Fi signal ({@code rssi}): the air devices, the 360 Vis Nav (captured) and the 360
     * Heurist (a docked one's CURRENT-STATE in matterbridge-dyson-robot's issue #13); the 360 Eye never does.
     */
    static final Set<DeviceFamily> RSSI = Set.of(DeviceFamily.PURE_COOL_LINK, DeviceFamily.PURE_HOT_COOL_LINK,
            DeviceFamily.PURE_COOL, DeviceFamily.PURE_HOT_COOL, DeviceFamily.PURE_HUMIDIFY_COOL, DeviceFamily.BIG_QUIET,
            DeviceFamily.ROBOT_360_HEURIST, DeviceFamily.ROBOT_360_VIS_NAV);
    static final Set<DeviceFamily> EYE = Set.of(DeviceFamily.ROBOT_360_EYE);
    static final Set<DeviceFamily> HEURIST = Set.of(DeviceFamily.ROBOT_360_HEURIST);
    static final Set<DeviceFamily> VIS_NAV = Set.of(DeviceFamily.ROBOT_360_VIS_NAV);
    /** Families on the newer key set. */
    static final Set<DeviceFamily> NEWER = Set.of(DeviceFamily.PURE_COOL, DeviceFamily.PURE_HOT_COOL,
            DeviceFamily.PURE_HUMIDIFY_COOL, DeviceFamily.BIG_QUIET);
    /** Families that may speak the Link key set (the Link models and early 438 firmware). */
    static final Set<DeviceFamily> LINK_KEYS = Set.of(DeviceFamily.PURE_COOL_LINK, DeviceFamily.PURE_HOT_COOL_LINK,
            DeviceFamily.PURE_COOL);
    static final Set<DeviceFamily> HEATERS = Set.of(DeviceFamily.PURE_HOT_COOL_LINK, DeviceFamily.PURE_HOT_COOL);
    static final Set<DeviceFamily> HUMIDIFIERS = Set.of(DeviceFamily.PURE_HUMIDIFY_COOL);
    /** Families with {@code osal}/{@code osau} angle oscillation. */
    static final Set<DeviceFamily> ANGLES = Set.of(DeviceFamily.PURE_COOL, DeviceFamily.PURE_HOT_COOL,
            DeviceFamily.PURE_HUMIDIFY_COOL);
    static final Set<DeviceFamily> ANGLE_PRESETS = Set.of(DeviceFamily.PURE_COOL, DeviceFamily.PURE_HOT_COOL);
    static final Set<DeviceFamily> BIG_QUIET = Set.of(DeviceFamily.BIG_QUIET);
    static final Set<DeviceFamily> JET_FOCUS = Set.of(DeviceFamily.PURE_HOT_COOL_LINK);

    private FamilySets() {
    }
}
