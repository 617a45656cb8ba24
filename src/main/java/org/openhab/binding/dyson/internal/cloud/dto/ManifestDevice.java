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
package org.openhab.binding.dyson.internal.cloud.dto;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One element of the {@code GET /v3/manifest} array (protocol reference §2.5).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class ManifestDevice {
    public @Nullable String serialNumber;
    public @Nullable String name;
    public @Nullable String type;
    public @Nullable String variant;
    public @Nullable String model;
    public @Nullable String productName;
    public @Nullable String category;
    public @Nullable String connectionCategory;
    public @Nullable ConnectedConfiguration connectedConfiguration;

    /** {@code connectedConfiguration}: absent for devices without a network connection. */
    public static class ConnectedConfiguration {
        public @Nullable Firmware firmware;
        public @Nullable Mqtt mqtt;
    }

    /** {@code connectedConfiguration.firmware}. */
    public static class Firmware {
        public @Nullable String version;
        public @Nullable List<@Nullable String> capabilities;
    }

    /** {@code connectedConfiguration.mqtt}. */
    public static class Mqtt {
        public @Nullable String localBrokerCredentials;
        public @Nullable String mqttRootTopicLevel;
        public @Nullable String remoteBrokerType;
    }
}
