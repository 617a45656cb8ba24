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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.util.Backoff;

/**
 * Tunables of a {@link DeviceLink}.
 *
 * @param preferredRetryInterval after a fallback, how often the preferred transport is tried again
 * @param switchBackAfter how long the preferred transport must stay up before the link switches back to it
 * @param backoffInitial first delay before reconnecting after all transports failed (doubles per failure)
 * @param backoffMax longest delay between reconnect attempts
 * @param transport settings of each MQTT connection
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record LinkSettings(Duration preferredRetryInterval, Duration switchBackAfter, Duration backoffInitial,
        Duration backoffMax, TransportSettings transport) {

    public static final LinkSettings DEFAULT = new LinkSettings(Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(5), TransportSettings.DEFAULT);

    Backoff newBackoff() {
        return new Backoff(backoffInitial, backoffMax, 0.2);
    }
}
