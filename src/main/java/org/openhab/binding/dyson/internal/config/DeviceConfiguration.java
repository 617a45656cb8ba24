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
package org.openhab.binding.dyson.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.transport.TransportMode;

/**
 * Configuration of a Dyson device thing (see {@code OH-INF/config/device-config.xml}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DeviceConfiguration {
    public String serialNumber = "";
    public String productType = "";
    public String transport = "auto";
    public String hostname = "";
    public int port = 1883;
    public String localPassword = "";
    public String wifiPassword = "";
    public int refreshInterval = 60;
    public int cloudRefreshInterval = 300;

    /** Smallest refresh interval, and the smallest over the cloud, in seconds. */
    public static final int MIN_REFRESH_INTERVAL = 10;
    public static final int MIN_CLOUD_REFRESH_INTERVAL = 60;

    /** Seconds between requests over the local connection. */
    public int localInterval() {
        return Math.max(MIN_REFRESH_INTERVAL, refreshInterval);
    }

    /**
     * Seconds between requests over the cloud: {@code cloudRefreshInterval} (at least 60 s, AWS IoT counts every
     * message), and never more often than locally.
     */
    public int cloudInterval() {
        return Math.max(localInterval(), Math.max(MIN_CLOUD_REFRESH_INTERVAL, cloudRefreshInterval));
    }

    /** The transport mode; null when the value is not one of auto, local-first, cloud-first, local, cloud. */
    public @Nullable TransportMode transportMode() {
        return TransportMode.fromConfigValue(transport);
    }

    /** The host for the local connection: the configured one, else {@code <serial>.local}. */
    public String host() {
        return hostname.isBlank() ? serialNumber.trim() + ".local" : hostname.trim();
    }
}
