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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The cheap check whether a device (or the cloud endpoint) is back: a TCP connect to its MQTT port, closed at once.
 * No MQTT, no TLS, no credentials: a few packets and well under a millisecond of CPU.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ReachabilityProbe {

    private ReachabilityProbe() {
    }

    /** Whether a TCP connection to {@code host:port} can be opened within {@code timeoutMillis}. */
    public static boolean reachable(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
