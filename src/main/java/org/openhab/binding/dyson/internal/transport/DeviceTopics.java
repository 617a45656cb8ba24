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
package org.openhab.binding.dyson.internal.transport;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The MQTT topics of one device, the same locally and over the cloud: {@code <root>/<serial>/...}.
 * <p>
 * Air treatment devices answer on {@code status/current}, {@code status/faults} and {@code status/connection}. The
 * robot vacuums (topic roots {@link #ROBOT_ROOTS}) send everything, their connection messages included, on
 * {@code <root>/<serial>/status} (protocol notes §4.3, §8): for them {@link #current()}, {@link #faults()} and
 * {@link #connection()} are all that one topic.
 *
 * @param root the {@code mqttRootTopicLevel} (e.g. {@code 438M}, {@code N223})
 * @param serial the device serial
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record DeviceTopics(String root, String serial) {

    /** The topic roots of the robot vacuums: 360 Eye, 360 Heurist, 360 Vis Nav. */
    public static final Set<String> ROBOT_ROOTS = Set.of("N223", "276", "277");

    /** Whether the device is a robot vacuum, which uses the single {@code status} topic. */
    public boolean robot() {
        return ROBOT_ROOTS.contains(root.trim().toUpperCase(Locale.ROOT));
    }

    public String command() {
        return prefix() + "command";
    }

    /** Where the device's state arrives: {@code status/current}, for robots {@code status}. */
    public String current() {
        return robot() ? status() : prefix() + "status/current";
    }

    /** Where the device's faults arrive: {@code status/faults}, for robots {@code status}. */
    public String faults() {
        return robot() ? status() : prefix() + "status/faults";
    }

    /** Where HELLO, GOODBYE, GONE-AWAY and IM-BACK arrive: {@code status/connection}, for robots {@code status}. */
    public String connection() {
        return robot() ? status() : prefix() + "status/connection";
    }

    /** The explicit topics a client subscribes to (never wildcards: AWS IoT drops those). */
    public List<String> subscriptions() {
        return robot() ? List.of(status()) : List.of(current(), faults(), connection());
    }

    private String status() {
        return prefix() + "status";
    }

    private String prefix() {
        return root + "/" + serial + "/";
    }
}
