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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where and how to reach one device.
 *
 * @param serial the device serial
 * @param rootTopic the {@code mqttRootTopicLevel} of its product type
 * @param host the device's host name or address on the local network; null = unknown (no local path)
 * @param port its local MQTT port (normally {@value LocalMqttConnection#DEFAULT_PORT})
 * @param mode which transports may be used
 * @param cloudPreferred whether the account marks the device as cloud-connected ({@code remoteBrokerType = wss})
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record DeviceEndpoint(String serial, String rootTopic, @Nullable String host, int port, TransportMode mode,
        boolean cloudPreferred) {

    public DeviceTopics topics() {
        return new DeviceTopics(rootTopic, serial);
    }
}
