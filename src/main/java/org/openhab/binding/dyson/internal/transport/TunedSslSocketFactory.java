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
import java.util.Arrays;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * TLS socket factory for the cloud endpoint: sets TCP_NODELAY, allows only TLS 1.2 and 1.3 and turns on HTTPS host
 * name verification on every socket (SNI comes from the host name, set by Paho). It stays an
 * {@link SSLSocketFactory} because Paho rejects anything else for {@code wss://}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class TunedSslSocketFactory extends SSLSocketFactory {

    private static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

    private final SSLSocketFactory delegate;
    private final SocketTuning tuning;

    TunedSslSocketFactory(SSLSocketFactory delegate, boolean noDelay) {
        this.delegate = delegate;
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
        tuning.tune(socket);
        if (socket instanceof SSLSocket sslSocket) {
            String[] supported = sslSocket.getSupportedProtocols();
            sslSocket.setEnabledProtocols(
                    Arrays.stream(PROTOCOLS).filter(p -> Arrays.asList(supported).contains(p)).toArray(String[]::new));
            SSLParameters parameters = sslSocket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            sslSocket.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return tune(delegate.createSocket());
    }

    @Override
    public Socket createSocket(@Nullable Socket socket, @Nullable String host, int port, boolean autoClose)
            throws IOException {
        if (socket != null) {
            socket.setTcpNoDelay(tuning.noDelay());
        }
        return tune(delegate.createSocket(socket, host, port, autoClose));
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
