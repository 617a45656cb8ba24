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
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Plain socket factory for the local broker that sets TCP_NODELAY (Paho never does), guards Paho against a peer that
 * hangs up at once ({@link SteadyStartSocket}) and remembers the last socket it made, so that tests can check it.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class TunedSocketFactory extends SocketFactory {

    private final SocketFactory delegate = SocketFactory.getDefault();
    private final SocketTuning tuning;

    public TunedSocketFactory(boolean noDelay) {
        this.tuning = new SocketTuning(noDelay);
    }

    @Nullable
    Socket lastSocket() {
        return tuning.lastSocket();
    }

    /** Closes the last socket and refuses new ones (see {@link SocketTuning#abort()}). */
    void abort() {
        tuning.abort();
    }

    private Socket tune(Socket socket) throws IOException {
        return tuning.tune(socket);
    }

    /** The one Paho uses: an unconnected socket that it connects itself. */
    @Override
    public Socket createSocket() throws IOException {
        return tune(new SteadyStartSocket());
    }

    @Override
    public Socket createSocket(@Nullable String host, int port) throws IOException {
        return tune(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(@Nullable String host, int port, @Nullable InetAddress localHost, int localPort)
            throws IOException {
        return tune(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(@Nullable InetAddress host, int port) throws IOException {
        return tune(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(@Nullable InetAddress address, int port, @Nullable InetAddress localAddress,
            int localPort) throws IOException {
        return tune(delegate.createSocket(address, port, localAddress, localPort));
    }
}
