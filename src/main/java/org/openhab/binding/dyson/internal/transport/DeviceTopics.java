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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The MQTT topics of one device, the same locally and over the cloud: {@code <root>/<serial>/...}.
 *
 * @param root the {@code mqttRootTopicLevel} (e.g. {@code 438M})
 * @param serial the device serial
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record DeviceTopics(String root, String serial) {

    public String command() {
        return prefix() + "command";
    }

    public String current() {
        return prefix() + "status/current";
    }

    public String faults() {
        return prefix() + "status/faults";
    }

    public String connection() {
        return prefix() + "status/connection";
    }

    /** The explicit topics a client subscribes to (never wildcards: AWS IoT drops those). */
    public List<String> subscriptions() {
        return List.of(current(), faults(), connection());
    }

    private String prefix() {
        return root + "/" + serial + "/";
    }
}
