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
 * @param recovery when a connection counts as healthy, when a silent device is given up, how often an unreachable
 *            device is probed
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record LinkSettings(Duration preferredRetryInterval, Duration switchBackAfter, Duration backoffInitial,
        Duration backoffMax, TransportSettings transport, Recovery recovery) {

    public static final LinkSettings DEFAULT = new LinkSettings(Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(5), TransportSettings.DEFAULT);

    /**
     * @param healthyAfter a connection that delivered data and stayed up this long is healthy: only then the
     *            back-off starts from the beginning again, and after connections that kept dropping soon after
     *            connecting, the thing goes ONLINE only once one got this far
     * @param silenceLimit no message from the device for this long over the local connection: the connection is
     *            dropped and made again
     * @param cloudSilenceLimit the same over the cloud (where the device is asked less often)
     * @param firstAnswerTimeout no message at all this long after connecting: the device is not there (wrong serial
     *            number or product type)
     * @param probeInterval how often an unreachable device is probed (TCP connect) during the first
     *            {@code probeSlowerAfter} of an outage
     * @param probeIntervalLater how often it is probed after that
     * @param probeSlowerAfter how long the fast probing lasts
     */
    public record Recovery(Duration healthyAfter, Duration silenceLimit, Duration cloudSilenceLimit,
            Duration firstAnswerTimeout, Duration probeInterval, Duration probeIntervalLater,
            Duration probeSlowerAfter) {

        public static final Recovery DEFAULT = new Recovery(Duration.ofSeconds(30), Duration.ofMinutes(3),
                Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(2));

        /** A copy with another silence limit on both transports. */
        public Recovery withSilenceLimit(Duration limit) {
            return withSilenceLimits(limit, limit);
        }

        /** A copy with other silence limits for the local connection and the cloud. */
        public Recovery withSilenceLimits(Duration local, Duration cloud) {
            return new Recovery(healthyAfter, local, cloud, firstAnswerTimeout, probeInterval, probeIntervalLater,
                    probeSlowerAfter);
        }

        /** The silence limit over this transport. */
        public Duration silenceLimit(TransportKind kind) {
            return kind == TransportKind.CLOUD ? cloudSilenceLimit : silenceLimit;
        }
    }

    /** Settings with the default recovery tunables. */
    public LinkSettings(Duration preferredRetryInterval, Duration switchBackAfter, Duration backoffInitial,
            Duration backoffMax, TransportSettings transport) {
        this(preferredRetryInterval, switchBackAfter, backoffInitial, backoffMax, transport, Recovery.DEFAULT);
    }

    /** A copy with other settings of each MQTT connection. */
    public LinkSettings withTransport(TransportSettings newTransport) {
        return new LinkSettings(preferredRetryInterval, switchBackAfter, backoffInitial, backoffMax, newTransport,
                recovery);
    }

    /** A copy with other recovery tunables. */
    public LinkSettings withRecovery(Recovery newRecovery) {
        return new LinkSettings(preferredRetryInterval, switchBackAfter, backoffInitial, backoffMax, transport,
                newRecovery);
    }

    Backoff newBackoff() {
        return new Backoff(backoffInitial, backoffMax, 0.2);
    }
}
