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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A family of devices sharing one openHAB thing type: air treatment devices by product line, robot vacuums one per
 * model (their power modes differ). The thing type ids are fixed: discovery and the handler use them.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum DeviceFamily {
    PURE_COOL_LINK("pure-cool-link"),
    PURE_HOT_COOL_LINK("pure-hot-cool-link"),
    PURE_COOL("pure-cool"),
    PURE_HOT_COOL("pure-hot-cool"),
    PURE_HUMIDIFY_COOL("pure-humidify-cool"),
    BIG_QUIET("big-quiet"),
    ROBOT_360_EYE("360-eye"),
    ROBOT_360_HEURIST("360-heurist"),
    ROBOT_360_VIS_NAV("360-vis-nav");

    private final String thingTypeId;

    DeviceFamily(String thingTypeId) {
        this.thingTypeId = thingTypeId;
    }

    /** The thing type id (without the binding id), e.g. {@code pure-cool}. */
    public String thingTypeId() {
        return thingTypeId;
    }

    /** Whether the family is a robot vacuum (protocol notes §8) rather than an air treatment device. */
    public boolean isRobot() {
        return this == ROBOT_360_EYE || this == ROBOT_360_HEURIST || this == ROBOT_360_VIS_NAV;
    }

    /** The family of a thing type id, or null. */
    public static @Nullable DeviceFamily fromThingTypeId(String thingTypeId) {
        for (DeviceFamily family : values()) {
            if (family.thingTypeId.equals(thingTypeId)) {
                return family;
            }
        }
        return null;
    }
}
