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

/**
 * The channel groups of a device thing. The group type of a group in a thing type is
 * {@code <thing type id>-<group id>}, e.g. {@code pure-cool-control}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum ChannelGroup {
    CONTROL("control"),
    OSCILLATION("oscillation"),
    HEATING("heating"),
    HUMIDIFICATION("humidification"),
    AIR_QUALITY("air-quality"),
    FILTER("filter"),
    CLEANING("cleaning"),
    BATTERY("battery"),
    STATUS("status");

    private final String id;

    ChannelGroup(String id) {
        this.id = id;
    }

    /** The group id, e.g. {@code air-quality}. */
    public String id() {
        return id;
    }

    /** The channel group type id used by a family's thing type. */
    public String groupTypeId(DeviceFamily family) {
        return family.thingTypeId() + "-" + id;
    }
}
