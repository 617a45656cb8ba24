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

import java.net.InetSocketAddress;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A connection attempt failed. The message is a short reason text meant for the user (never contains secrets);
 * {@link #needsFreshCredentials()} tells whether the cloud credentials should be fetched again before the next try.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean needsFreshCredentials;
    private @Nullable InetSocketAddress unreachable;
    private boolean noConnectionTried;

    public TransportException(String reason, boolean needsFreshCredentials) {
        super(reason);
        this.needsFreshCredentials = needsFreshCredentials;
    }

    public TransportException(String reason, boolean needsFreshCredentials, @Nullable Throwable cause) {
        super(reason, cause);
        this.needsFreshCredentials = needsFreshCredentials;
    }

    /** The reason text (same as {@link #getMessage()}, never null). */
    public String reason() {
        String message = getMessage();
        return message == null ? "unknown failure" : message;
    }

    /** Marks the failure as "nothing answers at this address" (no TCP connection could be opened). */
    TransportException unreachableAt(String host, int port) {
        unreachable = InetSocketAddress.createUnresolved(host, port);
        return this;
    }

    /** Marks the failure as one before any connection was tried (e.g. no cloud credentials could be had). */
    TransportException noConnectionTried() {
        noConnectionTried = true;
        return this;
    }

    /** Whether the attempt failed before it tried to connect anywhere. */
    public boolean isNoConnectionTried() {
        return noConnectionTried;
    }

    /** The address that could not be reached, or null when the failure was of another kind. */
    public @Nullable InetSocketAddress unreachableAddress() {
        return unreachable;
    }

    /** Whether new IoT credentials are needed before the next cloud connect. */
    public boolean needsFreshCredentials() {
        return needsFreshCredentials;
    }
}
