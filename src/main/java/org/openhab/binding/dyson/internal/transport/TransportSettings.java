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

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Tunables of one MQTT connection. Production code uses {@link #DEFAULT}, or with a
 * {@link org.openhab.binding.dyson.internal.cloud.CloudOverride} another cloud port and a TLS context that trusts an
 * extra CA; tests do the same for their stand-ins, and the benchmark switches TCP_NODELAY off.
 *
 * @param connectTimeout bound for the TCP/TLS/WebSocket set-up, the CONNACK and the SUBACK each
 * @param disconnectTimeout bound for a polite disconnect before the connection is dropped
 * @param keepAliveSeconds MQTT keep-alive (AWS IoT accepts 30..1200)
 * @param cloudPort port of the AWS IoT endpoint (443)
 * @param cloudSslContext TLS context for the cloud; null = the JDK default trust store
 * @param tcpNoDelay whether to disable Nagle's algorithm (Paho never does; about 45 ms per round trip saved)
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record TransportSettings(Duration connectTimeout, Duration disconnectTimeout, int keepAliveSeconds,
        int cloudPort, @Nullable SSLContext cloudSslContext, boolean tcpNoDelay) {

    public static final TransportSettings DEFAULT = new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(1),
            60, 443, null, true);

    /** A copy that talks to the cloud endpoint on another port with another TLS context (null: the JDK default). */
    public TransportSettings withCloud(int port, @Nullable SSLContext sslContext) {
        return new TransportSettings(connectTimeout, disconnectTimeout, keepAliveSeconds, port, sslContext,
                tcpNoDelay);
    }

    /** A copy with TCP_NODELAY switched on or off (benchmark). */
    public TransportSettings withTcpNoDelay(boolean noDelay) {
        return new TransportSettings(connectTimeout, disconnectTimeout, keepAliveSeconds, cloudPort, cloudSslContext,
                noDelay);
    }

    /** A copy with another connect timeout. */
    public TransportSettings withConnectTimeout(Duration timeout) {
        return new TransportSettings(timeout, disconnectTimeout, keepAliveSeconds, cloudPort, cloudSslContext,
                tcpNoDelay);
    }
}
