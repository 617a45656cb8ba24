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
import java.net.Socket;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What both socket factories do to each socket: set TCP_NODELAY (Paho never does), remember it (for tests and for
 * {@link #abort()}), and refuse new sockets once aborted.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class SocketTuning {

    private final boolean noDelay;
    private volatile @Nullable Socket lastSocket;
    private volatile boolean aborted;

    SocketTuning(boolean noDelay) {
        this.noDelay = noDelay;
    }

    boolean noDelay() {
        return noDelay;
    }

    @Nullable
    Socket lastSocket() {
        return lastSocket;
    }

    /** Sets the options on a new socket; closes it and fails when the connection was aborted meanwhile. */
    Socket tune(Socket socket) throws IOException {
        if (aborted) {
            socket.close();
            throw new IOException("connection closed");
        }
        socket.setTcpNoDelay(noDelay);
        lastSocket = socket;
        return socket;
    }

    /**
     * Closes the last socket and refuses new ones: aborts a connect in progress from below, so that Paho fails
     * it on its own thread.
     */
    void abort() {
        aborted = true;
        Socket socket = lastSocket;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
